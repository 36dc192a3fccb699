package org.cinema.billing.notification;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events billing tells of, by the names they are delivered under. Each payload carries {@link
 * #VERSION}; a change that is not backwards compatible gets a new version (docs/events.md).
 */
public enum EventType {
  PAYMENT_SUCCEEDED("payment.succeeded"),
  PAYMENT_FAILED("payment.failed"),
  REFUND_SUCCEEDED("refund.succeeded"),
  SUBSCRIPTION_ACTIVATED("subscription.activated"),
  SUBSCRIPTION_RENEWED("subscription.renewed"),
  SUBSCRIPTION_PAST_DUE("subscription.past_due"),
  SUBSCRIPTION_CANCELED("subscription.canceled"),
  SUBSCRIPTION_EXPIRED("subscription.expired"),
  RENEWAL_UPCOMING("renewal.upcoming");

  /** The payloads' version. */
  public static final int VERSION = 1;

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  /** The name it is delivered under, as {@code payment.succeeded}. */
  public String wireName() {
    return wireName;
  }

  public static Optional<EventType> byWireName(String name) {
    return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
  }
}
