package org.cinema.billing.payment.gateway;

import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;

/**
 * What a provider needs to take one payment.
 *
 * @param customerName the viewer's full name, when they gave one (may be null)
 * @param apiBase the API's base URI as the viewer reached it (for links back to us)
 * @param renewal a renewal the viewer is not present for: a saved card is charged off-session, and
 *     a page is opened only when there is no card or it is declined
 */
public record CheckoutRequest(
    UUID paymentId,
    UUID accountId,
    String customerEmail,
    String customerName,
    String description,
    BigDecimal amount,
    String currency,
    URI apiBase,
    boolean renewal) {}
