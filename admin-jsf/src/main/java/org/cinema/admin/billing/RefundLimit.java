package org.cinema.admin.billing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.cinema.admin.billing.BillingRecords.Payment;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How much a plain manager may refund of one payment: a refund that would take the payment's
 * refunded total above {@code ADMIN_REFUND_SUPERUSER_ABOVE} (default 100.00, in the payment's own
 * currency) needs a superuser, so ten part refunds of 100 are no way around it. A whole refund
 * counts what is left to refund.
 */
@ApplicationScoped
public class RefundLimit {

  @Inject
  @ConfigProperty(name = "admin.refund.superuser.above", defaultValue = "100.00")
  private BigDecimal above;

  protected RefundLimit() {}

  RefundLimit(BigDecimal above) {
    this.above = above;
  }

  /** The amount a refund of {@code asked} (null: all that is left) gives back. */
  public static BigDecimal amountOf(Payment payment, BigDecimal asked) {
    return asked == null ? payment.refundable() : asked;
  }

  public boolean needsSuperuser(Payment payment, BigDecimal asked) {
    BigDecimal before =
        payment.refundedAmount() == null ? BigDecimal.ZERO : payment.refundedAmount();
    return before.add(amountOf(payment, asked)).compareTo(above) > 0;
  }

  public BigDecimal above() {
    return above;
  }
}
