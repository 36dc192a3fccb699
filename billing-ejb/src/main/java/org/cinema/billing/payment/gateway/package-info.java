/**
 * The payment-provider SPI: open a checkout for a payment, refund it. Implementations (the offline
 * sandbox, Stripe) report outcomes as signed webhook events in Stripe's format.
 */
package org.cinema.billing.payment.gateway;
