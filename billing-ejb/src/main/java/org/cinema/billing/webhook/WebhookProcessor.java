package org.cinema.billing.webhook;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cinema.billing.payment.gateway.ActiveGateway;

/**
 * Processes stored events off the request thread, so the provider gets its 2xx at once. A failed
 * event stays in the inbox and {@link WebhookRetrier} tries it again later; after an event applied,
 * those waiting for a payment are tried at once, since they may apply now (events arrive in any
 * order). An event that reports a card page completed first has the provider make that card the one
 * later charges use, outside any transaction; if the provider fails, the event is tried again like
 * any other that failed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookProcessor {

  private static final Logger LOG = Logger.getLogger(WebhookProcessor.class.getName());

  @Inject private WebhookEventHandler handler;

  @Inject private ActiveGateway gateway;

  @Asynchronous
  public void processLater(long eventRowId) {
    process(eventRowId);
  }

  /** Every due event, one by one; called on a schedule. */
  public void processDue() {
    handler.due(100).forEach(this::process);
  }

  /**
   * An administrator's retry: the event is tried now, whatever its count of attempts.
   *
   * @return false when it was processed already (or is unknown)
   */
  public boolean retry(long eventRowId) {
    if (!handler.unpark(eventRowId)) {
      return false;
    }
    process(eventRowId);
    return true;
  }

  /** What went wrong, without the container's wrappers around it. */
  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }

  void process(long eventRowId) {
    tryWaiting(attempt(eventRowId, true).waiting());
  }

  /**
   * An event applied: those waiting for a payment may apply now (each one tried once); after each
   * that applies, the list read with it is the one to go on with.
   */
  private void tryWaiting(List<Long> waiting) {
    while (!waiting.isEmpty()) {
      List<Long> next = List.of();
      for (long event : waiting) {
        WebhookEventHandler.Result tried = attempt(event, false);
        if (tried.attempt() == WebhookEventHandler.Attempt.APPLIED) {
          next = tried.waiting();
        }
      }
      waiting = next;
    }
  }

  /**
   * One attempt; an event that reports a card page completed has the provider make that card the
   * one later charges use first, outside any transaction.
   */
  private WebhookEventHandler.Result attempt(long eventRowId, boolean counted) {
    try {
      WebhookEventHandler.Result tried = handler.apply(eventRowId, counted, false);
      if (tried.cardSetupFirst().isEmpty()) {
        return tried;
      }
      gateway.get().cardSetUp(tried.cardSetupFirst().get());
      return handler.apply(eventRowId, counted, true);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, e, () -> "Webhook event " + eventRowId + " failed; will retry");
      handler.recordFailure(eventRowId, rootCause(e));
      return WebhookEventHandler.Result.NOTHING_TO_DO;
    }
  }
}
