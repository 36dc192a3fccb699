package org.cinema.billing.payment.gateway;

/** The provider accepted the refund under this id. */
public record RefundConfirmation(String providerRefundId) {}
