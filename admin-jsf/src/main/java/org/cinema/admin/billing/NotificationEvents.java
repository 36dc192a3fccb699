package org.cinema.admin.billing;

import java.util.List;

/** The names of billing's events, as webhook endpoints subscribe to them (billing's EventType). */
public final class NotificationEvents {

  public static final List<String> NAMES =
      List.of(
          "payment.succeeded",
          "payment.failed",
          "refund.succeeded",
          "subscription.activated",
          "subscription.renewed",
          "subscription.past_due",
          "subscription.canceled",
          "subscription.expired",
          "renewal.upcoming");

  private NotificationEvents() {}
}
