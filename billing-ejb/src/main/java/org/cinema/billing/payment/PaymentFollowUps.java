package org.cinema.billing.payment;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Does what a committed change asked for ({@link PaymentFollowUp}), once its transaction has
 * committed (a rolled-back change asks nothing), on the server's managed executor. A failure is
 * logged and left to the reconciler, which finds the same work by its state.
 */
@ApplicationScoped
public class PaymentFollowUps {

  private static final Logger LOG = Logger.getLogger(PaymentFollowUps.class.getName());

  @Resource private ManagedExecutorService executor;

  @Inject private RefundService refunds;

  @Inject private CheckoutCloser checkouts;

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) PaymentFollowUp work) {
    executor.submit(() -> run(work));
  }

  private void run(PaymentFollowUp work) {
    try {
      if (work instanceof PaymentFollowUp.SendRefund send) {
        refunds.sendPending(send.refundId());
      } else if (work instanceof PaymentFollowUp.CloseCheckout close) {
        checkouts.close(close.paymentId());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, e, () -> work + " failed; the reconciler will take it up: " + e);
    }
  }
}
