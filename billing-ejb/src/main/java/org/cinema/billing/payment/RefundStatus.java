package org.cinema.billing.payment;

/** Whether the provider has given the money back. */
public enum RefundStatus {
  PENDING,
  SUCCEEDED,
  FAILED
}
