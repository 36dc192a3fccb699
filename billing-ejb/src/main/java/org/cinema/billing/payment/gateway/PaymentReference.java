package org.cinema.billing.payment.gateway;

import java.util.Optional;
import java.util.UUID;

/** One of our payments as a provider may know it, for asking the provider what became of it. */
public record PaymentReference(
    UUID paymentId, Optional<String> providerPaymentId, Optional<String> providerIntentId) {}
