package org.cinema.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cinema.billing.payment.PaymentStatus.CANCELED;
import static org.cinema.billing.payment.PaymentStatus.CREATED;
import static org.cinema.billing.payment.PaymentStatus.FAILED;
import static org.cinema.billing.payment.PaymentStatus.PARTIALLY_REFUNDED;
import static org.cinema.billing.payment.PaymentStatus.PENDING;
import static org.cinema.billing.payment.PaymentStatus.REFUNDED;
import static org.cinema.billing.payment.PaymentStatus.SUCCEEDED;

import org.junit.jupiter.api.Test;

class PaymentStatusTest {

  @Test
  void moneyTakenIsNeverUntaken() {
    assertThat(SUCCEEDED.canMoveTo(FAILED)).as("a late failure after success").isFalse();
    assertThat(SUCCEEDED.canMoveTo(PENDING)).isFalse();
    assertThat(SUCCEEDED.canMoveTo(CANCELED)).isFalse();
    assertThat(REFUNDED.next()).isEmpty();
  }

  @Test
  void aCanceledPaymentCanOnlyStillBePaidNeverReopened() {
    assertThat(CANCELED.next()).containsExactly(SUCCEEDED);
  }

  @Test
  void aDeclinedCardMayBeFollowedByOneThatPays() {
    assertThat(FAILED.canMoveTo(SUCCEEDED)).isTrue();
    assertThat(PENDING.canMoveTo(FAILED)).isTrue();
  }

  @Test
  void onlyPaidPaymentsAreRefundable() {
    assertThat(SUCCEEDED.isRefundable()).isTrue();
    assertThat(PARTIALLY_REFUNDED.isRefundable()).isTrue();
    for (PaymentStatus status :
        new PaymentStatus[] {CREATED, PENDING, FAILED, CANCELED, REFUNDED}) {
      assertThat(status.isRefundable()).as(status.name()).isFalse();
    }
    assertThat(SUCCEEDED.canMoveTo(PARTIALLY_REFUNDED)).isTrue();
    assertThat(PARTIALLY_REFUNDED.canMoveTo(REFUNDED)).isTrue();
  }
}
