/**
 * The offline sandbox provider, which behaves like Stripe test mode: a hosted checkout page, test
 * cards, refunds, and results reported as Stripe-format signed webhook events to our own webhook.
 */
package org.cinema.billing.payment.sandbox;
