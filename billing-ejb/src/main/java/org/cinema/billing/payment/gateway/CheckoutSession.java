package org.cinema.billing.payment.gateway;

/** The provider's id for the payment and the page where the viewer pays. */
public record CheckoutSession(String providerPaymentId, String url) {}
