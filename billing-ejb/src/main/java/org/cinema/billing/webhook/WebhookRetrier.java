package org.cinema.billing.webhook;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/**
 * Every few seconds, retries stored events that are due: failed ones after their back-off, and any
 * whose immediate processing was lost (a crash between storing and processing). Instances of a
 * cluster may all run it: each event is taken with {@code FOR UPDATE SKIP LOCKED}.
 */
@Singleton
public class WebhookRetrier {

  @Inject private WebhookProcessor processor;

  @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
  void retryDue() {
    processor.processDue();
  }
}
