package org.cinema.billing.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Optional;
import org.cinema.billing.notification.EventType;
import org.cinema.billing.notification.Outbox;
import org.cinema.common.json.Jsons;

/**
 * Tells the outbox what happened to a subscription in this transaction ({@link
 * Subscription#takeChanges}): activated, renewed, past due (with the page to pay again on),
 * canceled, expired.
 */
@ApplicationScoped
public class SubscriptionEvents {

  @Inject private Outbox outbox;

  /**
   * @param payAgainUrl the page of the payment the subscription waits for, when it has one
   */
  public void publish(Subscription subscription, Optional<String> payAgainUrl) {
    for (EventType type : subscription.takeChanges()) {
      outbox.record(
          type,
          subscription.accountId(),
          subscription.id(),
          data(subscription, type, payAgainUrl).build());
    }
  }

  private static JsonObjectBuilder data(
      Subscription subscription, EventType type, Optional<String> payAgainUrl) {
    JsonObjectBuilder data =
        Jsons.object()
            .add("subscription_id", subscription.id().toString())
            .add("account_id", subscription.accountId().toString())
            .add("product_id", subscription.productId().toString())
            .add("status", subscription.status().name())
            .add("price", subscription.price())
            .add("currency", subscription.currency())
            .add("period", subscription.period().code());
    instant(data, "current_period_start", subscription.currentPeriodStart());
    instant(data, "current_period_end", subscription.currentPeriodEnd());
    switch (type) {
      case SUBSCRIPTION_PAST_DUE -> {
        data.add("renewal_failures", subscription.renewalFailures());
        instant(data, "past_due_since", subscription.pastDueSince());
        instant(data, "next_retry_at", subscription.retryAt());
        payAgainUrl.ifPresent(url -> data.add("pay_again_url", url));
      }
      case SUBSCRIPTION_CANCELED, SUBSCRIPTION_EXPIRED -> {
        data.add("cancel_at_period_end", subscription.cancelsAtPeriodEnd());
        instant(data, "canceled_at", subscription.canceledAt());
        if (subscription.cancelReason() != null) {
          data.add("reason", subscription.cancelReason());
        }
      }
      default -> {}
    }
    return data;
  }

  private static void instant(JsonObjectBuilder data, String name, Instant value) {
    if (value != null) {
      data.add(name, value.toString());
    }
  }
}
