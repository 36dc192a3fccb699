package org.cinema.billing.invoice;

/** Whether an invoice is still owed. */
public enum InvoiceStatus {
  OPEN,
  PAID,
  VOID,
  UNCOLLECTIBLE
}
