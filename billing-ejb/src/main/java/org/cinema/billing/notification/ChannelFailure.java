package org.cinema.billing.notification;

/**
 * A channel could not deliver a message this time (the SMTP server, Telegram or the endpoint was
 * down or refused it): the delivery is tried again later, and parked after the last attempt.
 */
public class ChannelFailure extends Exception {

  public ChannelFailure(String message) {
    super(message);
  }

  public ChannelFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
