package org.cinema.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.cinema.billing.catalog.BillingPeriod;
import org.cinema.billing.catalog.Product;
import org.cinema.billing.invoice.Invoice;
import org.cinema.billing.invoice.InvoiceStatus;
import org.junit.jupiter.api.Test;

/** The life of one subscription, without a server. */
class SubscriptionTest {

  private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);
  private static final Dunning.Schedule DUNNING = Dunning.Schedule.parse("P1D,P3D,P5D,P7D");

  @Test
  void theFirstPaymentStartsOnePaidPeriod() {
    Subscription subscription = pendingDaily();
    Invoice invoice = subscription.firstInvoice(T0);

    assertThat(subscription.onPaymentSucceeded(invoice, T0.plusSeconds(60))).isEmpty();

    assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(subscription.currentPeriodStart()).isEqualTo(T0.plusSeconds(60));
    assertThat(subscription.currentPeriodEnd()).isEqualTo(T0.plusSeconds(60).plus(DAY));
    assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
    assertThat(invoice.periodStart()).isEqualTo(subscription.currentPeriodStart());
  }

  @Test
  void aRenewalPaidAheadContinuesFromTheOldEndWithoutAGap() {
    Subscription subscription = active();
    Instant end = subscription.currentPeriodEnd();
    Invoice next = subscription.nextInvoice();
    assertThat(subscription.isRenewal(next)).isTrue();

    assertThat(subscription.onPaymentSucceeded(next, end.minusSeconds(3600))).isEmpty();

    assertThat(subscription.currentPeriodStart()).isEqualTo(end);
    assertThat(subscription.currentPeriodEnd()).isEqualTo(end.plus(DAY));
  }

  @Test
  void aDeclinedRenewalIsPastDueKeepsThePaidPeriodAndPaidLateContinuesFromItsEnd() {
    Subscription subscription = active();
    Instant end = subscription.currentPeriodEnd();
    Invoice next = subscription.nextInvoice();

    assertThat(subscription.onRenewalDeclined(next, T0, DUNNING)).isTrue();
    assertThat(subscription.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
    assertThat(subscription.currentPeriodEnd()).isEqualTo(end);

    Instant late = end.plus(Duration.ofHours(5));
    assertThat(subscription.onPaymentSucceeded(next, late)).isEmpty();
    assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(subscription.currentPeriodStart()).isEqualTo(end);
    assertThat(subscription.currentPeriodEnd()).isEqualTo(end.plus(DAY));
  }

  @Test
  void moneyForAnEndedSubscriptionOrAVoidInvoiceIsNotTaken() {
    Subscription canceled = pendingDaily();
    Invoice first = canceled.firstInvoice(T0);
    canceled.cancelByViewer(T0);
    assertThat(canceled.onPaymentSucceeded(first, T0)).hasValue("its subscription is CANCELED");
    assertThat(first.status()).isEqualTo(InvoiceStatus.OPEN);

    Subscription renewing = active();
    Invoice next = renewing.nextInvoice();
    next.voidUnpaid();
    Instant end = renewing.currentPeriodEnd();
    assertThat(renewing.onPaymentSucceeded(next, T0)).hasValue("its invoice is VOID");
    assertThat(renewing.currentPeriodEnd()).as("nothing bought").isEqualTo(end);

    Subscription paid = active();
    Invoice stale =
        Invoice.open(paid.id(), paid.accountId(), paid.price(), "RUB", T0, T0.plus(DAY));
    assertThat(paid.onPaymentSucceeded(stale, T0))
        .hasValueSatisfying(reason -> assertThat(reason).contains("not for its next period"));
  }

  @Test
  void aWholeRefundEndsAccessUnlessANewerPeriodWasPaidSeparately() {
    Subscription older = active();
    assertThat(older.onPaymentRefunded(true, T0)).isFalse();
    assertThat(older.status()).isEqualTo(SubscriptionStatus.ACTIVE);

    Subscription current = active();
    assertThat(current.onPaymentRefunded(false, T0)).isTrue();
    assertThat(current.status()).isEqualTo(SubscriptionStatus.CANCELED);
    assertThat(current.cancelReason()).isEqualTo("payment refunded");
  }

  @Test
  void theViewersCancelEndsAnUnpaidOneNowAndAPaidOneAtPeriodEnd() {
    Subscription unpaid = pendingDaily();
    assertThat(unpaid.cancelByViewer(T0)).isEqualTo(Subscription.Cancel.ENDED_NOW);
    assertThat(unpaid.status()).isEqualTo(SubscriptionStatus.CANCELED);

    Subscription paid = active();
    Instant end = paid.currentPeriodEnd();
    assertThat(paid.cancelByViewer(T0)).isEqualTo(Subscription.Cancel.AT_PERIOD_END);
    assertThat(paid.renewalDue(end, false)).as("no renewal once canceled").isFalse();
    assertThat(paid.expireIfDue(end.minusSeconds(1), end.minus(Duration.ofDays(3)), false))
        .isEmpty();
    assertThat(paid.expireIfDue(end, end.minus(Duration.ofDays(3)), false))
        .hasValueSatisfying(reason -> assertThat(reason).contains("canceled by the subscriber"));
    assertThat(paid.status()).isEqualTo(SubscriptionStatus.EXPIRED);
  }

  @Test
  void aDeclinedRenewalIsRetriedAfter1_3_5And7DaysThenTheSubscriptionIsCanceled() {
    Subscription subscription = active();
    Instant end = subscription.currentPeriodEnd();
    Invoice renewal = subscription.nextInvoice();
    Instant declined = end.minusSeconds(60);

    assertThat(subscription.onRenewalDeclined(renewal, declined, DUNNING)).isTrue();
    assertThat(subscription.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
    assertThat(subscription.retryAt()).isEqualTo(declined.plus(DAY));
    for (int days : new int[] {3, 5, 7}) {
      subscription.onRenewalDeclined(renewal, subscription.retryAt(), DUNNING);
      assertThat(subscription.retryAt()).isEqualTo(declined.plus(Duration.ofDays(days)));
    }
    assertThat(subscription.expireIfDue(declined.plus(Duration.ofDays(7)), declined, false))
        .as("retries left")
        .isEmpty();

    subscription.onRenewalDeclined(renewal, declined.plus(Duration.ofDays(7)), DUNNING);

    assertThat(subscription.renewalFailures()).isEqualTo(5);
    assertThat(subscription.retryAt()).isNull();
    assertThat(subscription.expireIfDue(declined.plus(Duration.ofDays(7)), declined, false))
        .hasValue("renewal declined 5 times");
    assertThat(subscription.status()).isEqualTo(SubscriptionStatus.CANCELED);
  }

  @Test
  void payingThePastDueRenewalReactivatesWithNoGapAndForgetsTheDeclines() {
    Subscription subscription = active();
    Instant end = subscription.currentPeriodEnd();
    Invoice renewal = subscription.nextInvoice();
    subscription.onRenewalDeclined(renewal, end, DUNNING);
    subscription.onRenewalDeclined(renewal, end.plus(DAY), DUNNING);

    assertThat(subscription.onPaymentSucceeded(renewal, end.plus(Duration.ofDays(2)))).isEmpty();

    assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(subscription.currentPeriodStart()).isEqualTo(end);
    assertThat(subscription.renewalFailures()).isZero();
    assertThat(subscription.retryAt()).isNull();
  }

  @Test
  void aRenewalAwaitingTheViewerExpiresOnlyAfterTheGrace() {
    Subscription subscription = active();
    Instant end = subscription.currentPeriodEnd();
    Duration grace = Duration.ofDays(3);

    assertThat(subscription.expireIfDue(end.plus(Duration.ofDays(2)), end.minus(grace), false))
        .isEmpty();
    assertThat(
            subscription.expireIfDue(
                end.plus(Duration.ofDays(3)), end.plus(Duration.ofDays(3)).minus(grace), false))
        .hasValue("renewal not paid");
  }

  @Test
  void aMalformedDunningScheduleIsRefused() {
    assertThatThrownBy(() -> Dunning.Schedule.parse("P3D,P1D"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Dunning.Schedule.parse("-P1D"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Dunning.Schedule.parse("").retryAfter(1, T0)).isEmpty();
  }

  @Test
  void endedSubscriptionsMoveNoMore() {
    Subscription subscription = active();
    subscription.onPaymentRefunded(false, T0);

    assertThat(subscription.onCheckoutExpired(T0)).isFalse();
    assertThat(subscription.onRenewalDeclined(subscription.nextInvoice(), T0, DUNNING)).isFalse();
    assertThat(subscription.onPaymentRefunded(false, T0)).isFalse();
    assertThat(subscription.expireIfDue(T0.plus(Duration.ofDays(30)), T0.plus(DAY), false))
        .isEmpty();
    assertThatThrownBy(() -> subscription.cancelByViewer(T0))
        .isInstanceOf(IllegalStateException.class);
    assertThat(SubscriptionStatus.CANCELED.next()).isEmpty();
    assertThat(SubscriptionStatus.EXPIRED.next()).isEmpty();
    assertThat(SubscriptionStatus.PENDING.canMoveTo(SubscriptionStatus.PAST_DUE)).isFalse();
  }

  @Test
  void aMonthlyOneFromThe31stRenewsOnTheLastOfFebruaryThenOnThe31stAgain() {
    Instant january31 = Instant.parse("2027-01-31T09:00:00Z");
    Subscription subscription =
        Subscription.pending(UUID.randomUUID(), product(BillingPeriod.MONTH));
    subscription.onPaymentSucceeded(subscription.firstInvoice(january31), january31);
    assertThat(subscription.currentPeriodEnd()).isEqualTo(Instant.parse("2027-02-28T09:00:00Z"));

    Invoice march = subscription.nextInvoice();
    assertThat(subscription.onPaymentSucceeded(march, Instant.parse("2027-02-28T08:00:00Z")))
        .isEmpty();

    assertThat(march.periodStart()).isEqualTo(Instant.parse("2027-02-28T09:00:00Z"));
    assertThat(subscription.currentPeriodEnd()).isEqualTo(Instant.parse("2027-03-31T09:00:00Z"));
    assertThat(subscription.nextInvoice().periodEnd())
        .isEqualTo(Instant.parse("2027-04-30T09:00:00Z"));
  }

  @Test
  void aRenewalPaidLateBuysThePeriodThatFollowedSoThePaidPeriodsHaveNoGap() {
    Instant january31 = Instant.parse("2027-01-31T09:00:00Z");
    Subscription subscription =
        Subscription.pending(UUID.randomUUID(), product(BillingPeriod.MONTH));
    subscription.onPaymentSucceeded(subscription.firstInvoice(january31), january31);
    Invoice late = subscription.nextInvoice();
    subscription.onRenewalDeclined(late, Instant.parse("2027-02-28T09:00:00Z"), DUNNING);

    subscription.onPaymentSucceeded(late, Instant.parse("2027-03-03T12:00:00Z"));

    assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(subscription.currentPeriodStart()).isEqualTo(Instant.parse("2027-02-28T09:00:00Z"));
    assertThat(subscription.currentPeriodEnd()).isEqualTo(Instant.parse("2027-03-31T09:00:00Z"));
  }

  @Test
  void aYearlyOneRenewsAYearOn() {
    Subscription subscription =
        Subscription.pending(UUID.randomUUID(), product(BillingPeriod.YEAR));
    subscription.onPaymentSucceeded(subscription.firstInvoice(T0), T0);

    assertThat(subscription.currentPeriodEnd()).isEqualTo(Instant.parse("2027-11-01T10:00:00Z"));
    assertThat(subscription.nextInvoice().periodEnd())
        .isEqualTo(Instant.parse("2028-11-01T10:00:00Z"));
  }

  private static Subscription active() {
    Subscription subscription = pendingDaily();
    subscription.onPaymentSucceeded(subscription.firstInvoice(T0), T0);
    return subscription;
  }

  private static Subscription pendingDaily() {
    return Subscription.pending(UUID.randomUUID(), dailyProduct());
  }

  private static Product dailyProduct() {
    return product(BillingPeriod.DAY);
  }

  private static Product product(BillingPeriod period) {
    UUID id = UUID.randomUUID();
    return new Product() {
      @Override
      public UUID id() {
        return id;
      }

      @Override
      public BigDecimal price() {
        return new BigDecimal("49.00");
      }

      @Override
      public String currency() {
        return "RUB";
      }

      @Override
      public BillingPeriod period() {
        return period;
      }
    };
  }
}
