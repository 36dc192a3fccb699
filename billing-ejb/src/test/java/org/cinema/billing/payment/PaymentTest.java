package org.cinema.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.cinema.billing.payment.Payments.T0;
import static org.cinema.billing.payment.Payments.declined;
import static org.cinema.billing.payment.Payments.paid;
import static org.cinema.billing.payment.Payments.pending;
import static org.cinema.billing.payment.Payments.refunded;
import static org.cinema.billing.payment.Payments.success;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cinema.billing.error.BillingException;
import org.cinema.billing.invoice.Invoice;
import org.cinema.billing.payment.gateway.ProviderEvent;
import org.cinema.billing.payment.gateway.ProviderEvent.Outcome;
import org.cinema.common.error.ErrorCode;
import org.junit.jupiter.api.Test;

/** The money rules of one payment, without a server. */
class PaymentTest {

  private final List<Refund> refunds = new ArrayList<>();

  @Test
  void twoPartRefundsOf100On299Are200WhicheverOfEventAndConfirmationComesFirst() {
    Payment payment = paid();

    Refund first = refund(payment, "100.00");
    payment.onRefundReported(refunded(10_000, "RUB"), T0);
    payment.settleRefunds(refunds, "webhook charge.refunded", T0);
    first.confirmed("re_1");
    payment.settleRefunds(refunds, "refund confirmed", T0);
    assertThat(payment.refundedAmount()).isEqualByComparingTo("100.00");

    Refund second = refund(payment, "100.00");
    second.confirmed("re_2");
    payment.settleRefunds(refunds, "refund confirmed", T0);
    payment.onRefundReported(refunded(20_000, "RUB"), T0);
    payment.settleRefunds(refunds, "webhook charge.refunded", T0);
    assertThat(second.confirmed("re_2")).as("a repeated confirmation").isFalse();
    payment.onRefundReported(refunded(20_000, "RUB"), T0);
    payment.settleRefunds(refunds, "webhook charge.refunded again", T0);

    assertThat(payment.refundedAmount()).isEqualByComparingTo("200.00");
    assertThat(payment.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
    assertThat(payment.refundableLeft(refunds)).isEqualByComparingTo("99.00");
  }

  @Test
  void theProvidersFigureCountsWhenItIsLargerThanOurRefunds() {
    Payment payment = paid();

    payment.onRefundReported(refunded(5_000, "RUB"), T0);
    boolean whole = payment.settleRefunds(refunds, "refunded in Stripe's dashboard", T0);

    assertThat(whole).isFalse();
    assertThat(payment.refundedAmount()).isEqualByComparingTo("50.00");
    assertThat(payment.refundableLeft(refunds)).isEqualByComparingTo("249.00");
    payment.onRefundReported(refunded(1_000, "RUB"), T0);
    payment.settleRefunds(refunds, "an older event", T0);
    assertThat(payment.refundedAmount())
        .as("the figure never goes down")
        .isEqualByComparingTo("50");
  }

  @Test
  void aWholeRefundReportedBeforeTheSuccessLeavesThePaymentRefunded() {
    Payment payment = pending("299.00", "RUB");

    payment.onRefundReported(refunded(29_900, "RUB"), T0);
    assertThat(payment.settleRefunds(refunds, "charge.refunded", T0))
        .as("not paid yet: the figure waits on the payment")
        .isFalse();
    assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);

    assertThat(payment.onSucceeded(success(29_900, "RUB"), T0)).isEqualTo(Payment.Success.PAID);
    assertThat(payment.settleRefunds(refunds, "checkout.session.completed", T0)).isTrue();
    assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(payment.refundedAmount()).isEqualByComparingTo("299.00");
  }

  @Test
  void aSuccessForAnotherAmountOrCurrencyIsNotAppliedButFlagged() {
    for (var wrong :
        List.of(
            success(15_000, "RUB"),
            success(29_900, "EUR"),
            Payments.event(
                Outcome.SUCCEEDED, "checkout.session.completed", Optional.empty(), null))) {
      Payment payment = pending("299.00", "RUB");

      assertThat(payment.onSucceeded(wrong, T0)).isEqualTo(Payment.Success.MISMATCH);

      assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
      assertThat(payment.paidAt()).isNull();
      assertThat(payment.reviewReason()).isPresent();
      assertThat(payment.takeHistory())
          .singleElement()
          .satisfies(
              entry -> {
                assertThat(entry.from()).isEqualTo(PaymentStatus.PENDING);
                assertThat(entry.to()).isEqualTo(PaymentStatus.PENDING);
                assertThat(entry.cause()).startsWith("review: ").contains("not applied");
              });
    }
    assertThat(pendingWith(success(15_000, "RUB")).reviewReason().orElseThrow())
        .contains("150.00 RUB", "299.00 RUB");
  }

  @Test
  void moneyForAPaymentOurSideCanceledIsRecordedAsPaidSoThatItIsRefunded() {
    Payment payment = pending("299.00", "RUB");
    assertThat(payment.cancel("subscription canceled", T0)).isTrue();
    assertThat(payment.checkoutStillOpen()).as("the provider must close its page").isTrue();

    assertThat(payment.onSucceeded(success(29_900, "RUB"), T0))
        .isEqualTo(Payment.Success.PAID_AFTER_CANCEL);
    assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(payment.checkoutStillOpen()).isFalse();
    assertThat(payment.beginRefund(Optional.empty(), "automatic", refunds).amount())
        .isEqualByComparingTo("299.00");
  }

  @Test
  void aSecondSuccessChangesNothingAndAnotherChargeIsFlagged() {
    Payment payment = paid();

    assertThat(payment.onSucceeded(success(29_900, "RUB"), T0))
        .isEqualTo(Payment.Success.ALREADY_PAID);
    assertThat(payment.reviewReason()).isEmpty();
    var otherCharge =
        new ProviderEvent(
            "webhook evt_2",
            "payment_intent.succeeded",
            Outcome.SUCCEEDED,
            Optional.empty(),
            Optional.of("pi_2"),
            Optional.of("pi_2"),
            Optional.empty(),
            Optional.empty(),
            Optional.of(29_900L),
            Optional.of("RUB"),
            T0);
    assertThat(payment.onSucceeded(otherCharge, T0)).isEqualTo(Payment.Success.ALREADY_PAID);
    assertThat(payment.reviewReason()).hasValueSatisfying(r -> assertThat(r).contains("pi_2"));
  }

  @Test
  void aLateFailureAfterSuccessChangesNothingAndAnotherCardMayPayAfterADecline() {
    Payment paid = paid();
    assertThat(paid.onFailed(declined("card_declined"), T0)).isFalse();
    assertThat(paid.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(paid.failureCode()).isNull();

    Payment declined = pending("299.00", "RUB");
    assertThat(declined.onFailed(declined("generic_decline"), T0)).isTrue();
    assertThat(declined.onFailed(declined("insufficient_funds"), T0))
        .as("declined again: the newer reason, no second move")
        .isFalse();
    assertThat(declined.failureCode()).isEqualTo("insufficient_funds");
    assertThat(declined.onSucceeded(success(29_900, "RUB"), T0)).isEqualTo(Payment.Success.PAID);
    assertThat(declined.failureCode()).isNull();
  }

  @Test
  void refundAmountsMustFitTheCurrency() {
    Payment yen = pendingPaid("1500", "JPY", 1_500);
    assertThatThrownBy(() -> yen.beginRefund(Optional.of(new BigDecimal("100.5")), "r", refunds))
        .isInstanceOfSatisfying(
            BillingException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
              assertThat(e.getMessage()).contains("JPY", "whole amount");
            });
    assertThat(yen.beginRefund(Optional.of(new BigDecimal("100")), "r", refunds).amount())
        .isEqualByComparingTo("100");

    Payment dinar = pendingPaid("10.00", "KWD", 10_000);
    assertThat(dinar.beginRefund(Optional.of(new BigDecimal("1.005")), "r", refunds).amount())
        .as("KWD has three decimals")
        .isEqualByComparingTo("1.005");
    assertThatThrownBy(() -> dinar.beginRefund(Optional.of(new BigDecimal("1.0005")), "r", refunds))
        .hasMessageContaining("KWD has 3 decimals");

    Payment rubles = paid();
    assertThatThrownBy(() -> rubles.beginRefund(Optional.of(new BigDecimal("0.001")), "r", refunds))
        .hasMessageContaining("RUB has 2 decimals");
    assertThatThrownBy(() -> rubles.beginRefund(Optional.of(new BigDecimal("-1")), "r", refunds))
        .hasMessageContaining("more than 0");
  }

  @Test
  void pendingRefundsCountAgainstWhatIsLeft() {
    Payment payment = paid();
    refund(payment, "250.00");

    assertThatThrownBy(
            () -> payment.beginRefund(Optional.of(new BigDecimal("50.00")), "more", refunds))
        .isInstanceOfSatisfying(
            BillingException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.REFUND_TOO_LARGE));
    assertThat(payment.beginRefund(Optional.empty(), "the rest", refunds).amount())
        .isEqualByComparingTo("49.00");
  }

  @Test
  void aRefusedRefundFreesItsAmount() {
    Payment payment = paid();
    Refund refused = refund(payment, "299.00");
    refused.refused("card expired");

    assertThat(payment.refundableLeft(refunds)).isEqualByComparingTo("299.00");
    assertThatThrownBy(() -> refused.confirmed("re_1")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void onlyPaidPaymentsAreRefunded() {
    Payment payment = pending("299.00", "RUB");

    assertThatThrownBy(() -> payment.beginRefund(Optional.empty(), "r", refunds))
        .isInstanceOfSatisfying(
            BillingException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYMENT_NOT_REFUNDABLE));
  }

  @Test
  void viewersRefundWithinTheWindowAfterPaying() {
    Payment payment = paid();
    Duration window = Duration.ofDays(14);

    payment.requireRefundableByViewer(T0.plus(Duration.ofDays(13)), window);
    assertThatThrownBy(
            () -> payment.requireRefundableByViewer(T0.plus(Duration.ofDays(15)), window))
        .isInstanceOfSatisfying(
            BillingException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.REFUND_WINDOW_CLOSED);
              assertThat(e.getMessage()).contains("14 days");
            });
  }

  @Test
  void aRefundReportedInAnotherCurrencyIsFlaggedNotCounted() {
    Payment payment = paid();

    payment.onRefundReported(refunded(29_900, "EUR"), T0);
    payment.settleRefunds(refunds, "charge.refunded", T0);

    assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    assertThat(payment.refundedAmount()).isEqualByComparingTo("0");
    assertThat(payment.reviewReason()).hasValueSatisfying(r -> assertThat(r).contains("EUR"));
  }

  @Test
  void everyMoveIsRecordedWithItsCause() {
    Payment payment = pending("299.00", "RUB");
    payment.onSucceeded(success(29_900, "RUB"), T0);
    refund(payment, "299.00").confirmed("re_1");
    payment.settleRefunds(refunds, "refund: canceled by the viewer", T0);

    assertThat(payment.takeHistory())
        .extracting(PaymentTransition::to, PaymentTransition::cause)
        .containsExactly(
            tuple(
                PaymentStatus.SUCCEEDED,
                "webhook evt_checkout.session.completed checkout.session.completed"),
            tuple(PaymentStatus.REFUNDED, "refund: canceled by the viewer"));
    assertThat(payment.takeHistory()).as("taken once").isEmpty();
  }

  @Test
  void theSameMismatchReportedAgainIsFlaggedOnce() {
    Payment payment = pending("299.00", "RUB");

    payment.onSucceeded(success(15_000, "RUB"), T0);
    payment.onSucceeded(success(15_000, "RUB"), T0.plusSeconds(60));

    assertThat(payment.takeHistory()).as("one entry for one fact").hasSize(1);
  }

  @Test
  void anAmountThatDoesNotFitIsA400EvenOnAPaymentWithNothingLeftToRefund() {
    Payment yen = pendingPaid("1500", "JPY", 1_500);
    yen.beginRefund(Optional.empty(), "all", refunds).confirmed("re_1");

    assertThatThrownBy(() -> yen.beginRefund(Optional.of(new BigDecimal("100.5")), "r", refunds))
        .isInstanceOfSatisfying(
            BillingException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
  }

  @Test
  void aCheckoutOpenedForAPaymentCanceledMeanwhileMustStillBeClosed() {
    Payment payment =
        Payment.of(
            Invoice.open(
                UUID.randomUUID(),
                UUID.randomUUID(),
                new BigDecimal("299.00"),
                "RUB",
                T0,
                T0.plusSeconds(86_400)),
            "stripe",
            "subscribed",
            T0);
    assertThat(payment.cancel("subscription canceled", T0)).isTrue();
    assertThat(payment.checkoutStillOpen()).as("no checkout known yet").isFalse();

    payment.checkoutOpened("cs_late", "https://pay.example/cs_late", T0);

    assertThat(payment.status()).isEqualTo(PaymentStatus.CANCELED);
    assertThat(payment.checkoutStillOpen()).isTrue();
  }

  private Refund refund(Payment payment, String amount) {
    Refund refund = payment.beginRefund(Optional.of(new BigDecimal(amount)), "test", refunds);
    refunds.add(refund);
    return refund;
  }

  private static Payment pendingWith(ProviderEvent event) {
    Payment payment = pending("299.00", "RUB");
    payment.onSucceeded(event, T0);
    return payment;
  }

  private static Payment pendingPaid(String amount, String currency, long minor) {
    Payment payment = pending(amount, currency);
    assertThat(payment.onSucceeded(success(minor, currency), T0)).isEqualTo(Payment.Success.PAID);
    return payment;
  }
}
