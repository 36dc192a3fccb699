package org.cinema.billing.subscription;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.cinema.billing.payment.PaymentStatus;

/** What a running pass has done so far, counted from the threads that charge. */
final class RenewalTally {

  private final UUID id;
  private final String trigger;
  private final Instant startedAt;
  private final AtomicInteger renewed = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger pastDue = new AtomicInteger();
  private final AtomicInteger expired = new AtomicInteger();
  private final AtomicInteger canceled = new AtomicInteger();
  private final AtomicInteger awaiting = new AtomicInteger();
  private final AtomicInteger errors = new AtomicInteger();
  private final AtomicReference<String> lastError = new AtomicReference<>();

  RenewalTally(UUID id, String trigger, Instant startedAt) {
    this.id = id;
    this.trigger = trigger;
    this.startedAt = startedAt;
  }

  UUID id() {
    return id;
  }

  String trigger() {
    return trigger;
  }

  Instant startedAt() {
    return startedAt;
  }

  void charged(CheckoutTicket ticket, PaymentStatus outcome) {
    switch (outcome) {
      case SUCCEEDED -> renewed.incrementAndGet();
      case FAILED -> {
        failed.incrementAndGet();
        if (!ticket.pastDue()) {
          pastDue.incrementAndGet();
        }
      }
      default -> awaiting.incrementAndGet();
    }
  }

  void ended(SubscriptionStatus status) {
    (status == SubscriptionStatus.CANCELED ? canceled : expired).incrementAndGet();
  }

  void error(Exception e) {
    errors.incrementAndGet();
    lastError.set(String.valueOf(e.getMessage() == null ? e : e.getMessage()));
  }

  boolean didSomething() {
    return renewed.get()
            + failed.get()
            + expired.get()
            + canceled.get()
            + awaiting.get()
            + errors.get()
        > 0;
  }

  RenewalRunView view(Instant finishedAt) {
    return new RenewalRunView(
        id,
        trigger,
        "FINISHED",
        startedAt,
        finishedAt,
        renewed.get(),
        failed.get(),
        pastDue.get(),
        expired.get(),
        canceled.get(),
        awaiting.get(),
        errors.get(),
        lastError.get());
  }
}
