/** Invoices: what a subscription owes for one period, and whether it was paid. */
package org.cinema.billing.invoice;
