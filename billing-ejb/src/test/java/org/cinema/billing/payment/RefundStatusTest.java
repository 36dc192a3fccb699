package org.cinema.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefundStatusTest {

  @Test
  void aPendingRefundEndsOnceEitherWay() {
    assertThat(RefundStatus.PENDING.next())
        .containsExactlyInAnyOrder(RefundStatus.SUCCEEDED, RefundStatus.FAILED);
    assertThat(RefundStatus.SUCCEEDED.next()).isEmpty();
    assertThat(RefundStatus.FAILED.next()).as("a refused refund is not retried as new").isEmpty();
  }
}
