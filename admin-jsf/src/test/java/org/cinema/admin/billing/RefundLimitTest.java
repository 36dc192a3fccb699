package org.cinema.admin.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.cinema.admin.billing.BillingRecords.Payment;
import org.junit.jupiter.api.Test;

class RefundLimitTest {

  private final RefundLimit limit = new RefundLimit(new BigDecimal("100.00"));

  @Test
  void anAmountAskedAboveTheLimitNeedsASuperuserAndOneAtItDoesNot() {
    Payment payment = paid("299.00", null);

    assertThat(limit.needsSuperuser(payment, new BigDecimal("100.01"))).isTrue();
    assertThat(limit.needsSuperuser(payment, new BigDecimal("100"))).isFalse();
    assertThat(limit.needsSuperuser(payment, new BigDecimal("50.00"))).isFalse();
  }

  @Test
  void aWholeRefundCountsWhatIsLeftToRefund() {
    assertThat(limit.needsSuperuser(paid("299.00", null), null)).isTrue();
    assertThat(limit.needsSuperuser(paid("80.00", null), null)).as("80.00 in all").isFalse();
    assertThat(RefundLimit.amountOf(paid("299.00", "250.00"), null)).isEqualByComparingTo("49.00");
  }

  @Test
  void partRefundsCountTogether() {
    assertThat(limit.needsSuperuser(paid("299.00", "60.00"), new BigDecimal("40.00")))
        .as("100.00 in all")
        .isFalse();
    assertThat(limit.needsSuperuser(paid("299.00", "60.00"), new BigDecimal("40.01")))
        .as("100.01 in all")
        .isTrue();
    assertThat(limit.needsSuperuser(paid("299.00", "250.00"), null))
        .as("the last 49.00 of 299.00")
        .isTrue();
  }

  private static Payment paid(String amount, String refunded) {
    return new Payment(
        UUID.randomUUID(),
        "Feature films, monthly",
        new BigDecimal(amount),
        "RUB",
        Instant.EPOCH,
        refunded == null ? "SUCCEEDED" : "PARTIALLY_REFUNDED",
        refunded == null ? null : new BigDecimal(refunded),
        Instant.EPOCH,
        UUID.randomUUID(),
        null,
        null,
        null);
  }
}
