package org.cinema.billing.payment.gateway;

import java.util.Optional;
import java.util.UUID;

/**
 * A provider's report that a viewer saved a card on a card page (a Checkout Session in setup mode
 * completed), read from its {@code checkout.session.completed} event.
 *
 * @param customerId the provider's customer the card was saved for, when the event names one
 * @param setupIntentId the provider's record of the saving (Stripe: the SetupIntent), which names
 *     the card
 * @param accountId our account, from the session's metadata
 */
public record CardSetup(
    String sessionId,
    Optional<String> customerId,
    Optional<String> setupIntentId,
    Optional<UUID> accountId) {}
