/**
 * The payment-provider SPI: open a checkout for a payment, refund it, close it, ask what became of
 * it. Implementations (the offline sandbox, Stripe) report outcomes as signed webhook events in
 * Stripe's format, which {@link org.cinema.billing.payment.gateway.StripeEventFormat} reads into
 * {@link org.cinema.billing.payment.gateway.ProviderEvent}s. Depends on nothing of the billing
 * core.
 */
package org.cinema.billing.payment.gateway;
