/**
 * The Stripe provider, with stripe-java: customers found by our user id or created, saved cards
 * charged off-session, otherwise a hosted Checkout Session; refunds; the reconciler's questions.
 * Every mutating call carries an idempotency key derived from our own ids, and every call goes
 * through {@link org.cinema.billing.payment.stripe.StripeApi}'s fault-tolerance policy.
 */
package org.cinema.billing.payment.stripe;
