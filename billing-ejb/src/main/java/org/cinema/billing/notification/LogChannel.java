package org.cinema.billing.notification;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Logger;

/** The default channel to the viewer: one line in the server's log per event. */
@ApplicationScoped
public class LogChannel implements NotificationChannel {

  public static final String NAME = "log";

  private static final Logger LOG = Logger.getLogger(LogChannel.class.getName());

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String send(Outgoing message) {
    String subject =
        message.type().wireName()
            + message.viewer().map(viewer -> " for account " + viewer.accountId()).orElse("");
    LOG.info(
        () -> "Notification " + message.notificationId() + ": " + subject + " " + message.data());
    return subject;
  }
}
