package org.cinema.billing.payment.gateway;

import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;

/**
 * What a provider needs to take one payment.
 *
 * @param customerName the viewer's full name, when they gave one (may be null)
 * @param apiBase the API's base URI as the viewer reached it (for links back to us)
 */
public record CheckoutRequest(
    UUID paymentId,
    UUID accountId,
    String customerEmail,
    String customerName,
    String description,
    BigDecimal amount,
    String currency,
    URI apiBase) {}
