package org.cinema.billing.payment.gateway;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * What a provider needs to open a page where a viewer saves a card for later charges, charging
 * nothing (Stripe: a Checkout Session in setup mode).
 *
 * @param setupId our id of this request for a page: the provider's idempotency key derives from it,
 *     so a retry opens the same page
 * @param customerName the viewer's full name, when they gave one (may be null)
 * @param currency the currency the card will be charged in (the viewer's latest subscription's),
 *     when known
 * @param apiBase the API's base URI, for links back to us
 */
public record CardSetupRequest(
    UUID setupId,
    UUID accountId,
    String customerEmail,
    String customerName,
    Optional<String> currency,
    URI apiBase) {}
