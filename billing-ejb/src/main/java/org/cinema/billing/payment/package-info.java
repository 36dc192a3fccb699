/**
 * Payments and refunds: the one transition table of a payment's life, every transition recorded
 * with its cause, and the ledger that applies checkouts, provider events and refunds.
 */
package org.cinema.billing.payment;
