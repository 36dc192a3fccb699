package org.cinema.billing.payment;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.logging.Logger;
import org.cinema.billing.payment.gateway.ActiveGateway;
import org.cinema.billing.payment.gateway.GatewayException;

/**
 * Closes the provider's checkout of a payment our side canceled (Stripe: expires the Checkout
 * Session), so that no money is taken for nothing. Money the provider took before it closed goes
 * through the ledger, which refunds it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CheckoutCloser {

  private static final Logger LOG = Logger.getLogger(CheckoutCloser.class.getName());

  @Inject private PaymentLedger payments;

  @Inject private ActiveGateway gateway;

  /**
   * @return whether the checkout is closed now (false: still open, the reconciler tries again)
   */
  public boolean close(UUID paymentId) {
    var reference = payments.checkoutToClose(paymentId);
    if (reference.isEmpty()) {
      return true;
    }
    try {
      payments.checkoutClosed(paymentId, gateway.get().closeCheckout(reference.get()));
      return true;
    } catch (GatewayException e) {
      LOG.warning(() -> "Checkout of payment " + paymentId + " not closed yet: " + e.getMessage());
      return false;
    }
  }
}
