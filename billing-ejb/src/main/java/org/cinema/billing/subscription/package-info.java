/**
 * Subscriptions: a viewer's claim to a product for paid periods, from the first checkout through
 * activation, cancellation at period end, refund and expiry.
 */
package org.cinema.billing.subscription;
