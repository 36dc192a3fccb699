package org.cinema.billing.invoice;

import java.util.EnumSet;
import java.util.Set;

/** Whether an invoice is still owed, and the table of moves between its states. */
public enum InvoiceStatus {
  OPEN,
  PAID,
  VOID,
  UNCOLLECTIBLE;

  public Set<InvoiceStatus> next() {
    return switch (this) {
      case OPEN -> EnumSet.of(PAID, VOID, UNCOLLECTIBLE);
      case UNCOLLECTIBLE -> EnumSet.of(PAID, VOID);
      case PAID, VOID -> EnumSet.noneOf(InvoiceStatus.class);
    };
  }

  public boolean canMoveTo(InvoiceStatus target) {
    return next().contains(target);
  }
}
