package org.cinema.billing.webhook;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Processes stored events off the request thread, so the provider gets its 2xx at once. A failed
 * event stays in the inbox and {@link WebhookRetrier} tries it again later.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookProcessor {

  private static final Logger LOG = Logger.getLogger(WebhookProcessor.class.getName());

  @Inject private WebhookEventHandler handler;

  @Asynchronous
  public void processLater(long eventRowId) {
    process(eventRowId);
  }

  /** Every due event, one by one; called on a schedule. */
  public void processDue() {
    handler.due(100).forEach(this::process);
  }

  void process(long eventRowId) {
    try {
      handler.apply(eventRowId);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, e, () -> "Webhook event " + eventRowId + " failed; will retry");
      handler.recordFailure(eventRowId, String.valueOf(e));
    }
  }
}
