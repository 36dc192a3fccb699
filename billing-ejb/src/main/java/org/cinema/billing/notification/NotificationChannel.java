package org.cinema.billing.notification;

/**
 * A way of telling someone of an event. Implementations are CDI beans; the dispatcher picks one by
 * {@link #name()} (the {@code channel} column of a delivery) and calls it outside any transaction.
 * A send may be repeated (at least once): the event id lets a receiver see it had it already.
 */
public interface NotificationChannel {

  /** {@code log}, {@code email}, {@code telegram} or {@code webhook}. */
  String name();

  /**
   * Sends it, or throws.
   *
   * @return the subject line it was sent under, if the channel has one (shown in the admin)
   * @throws ChannelFailure when it was not delivered this time
   */
  String send(Outgoing message) throws ChannelFailure;
}
