package org.cinema.billing.payment;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.cinema.billing.error.BillingException;
import org.cinema.billing.error.ErrorCode;
import org.cinema.billing.payment.gateway.ActiveGateway;
import org.cinema.billing.payment.gateway.GatewayException;
import org.cinema.billing.payment.gateway.RefundConfirmation;
import org.cinema.billing.payment.gateway.RefundRequest;

/**
 * Refunds: recorded as pending, sent to the provider outside any transaction, then applied (a whole
 * refund ends the subscription's access at once) or marked failed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RefundService {

  @Inject private PaymentLedger payments;

  @Inject private ActiveGateway gateway;

  /** The viewer's cancel-payment: all that is left of their own payment. */
  public Payment refundOwn(UUID accountId, UUID paymentId, URI apiBase) {
    return refund(
        paymentId, Optional.of(accountId), Optional.empty(), "canceled by the viewer", apiBase);
  }

  /** An administrator's refund, whole or part. */
  public Payment refundAsAdministrator(
      UUID paymentId, Optional<BigDecimal> amount, String reason, URI apiBase) {
    return refund(paymentId, Optional.empty(), amount, reason, apiBase);
  }

  private Payment refund(
      UUID paymentId, Optional<UUID> owner, Optional<BigDecimal> amount, String reason, URI base) {
    RefundRequest request = payments.beginRefund(paymentId, owner, amount, reason, base);
    RefundConfirmation confirmation;
    try {
      confirmation = gateway.get().refund(request);
    } catch (GatewayException e) {
      payments.failRefund(request.refundId());
      throw new BillingException(
          ErrorCode.PROVIDER_UNAVAILABLE,
          "The payment provider did not take the refund; nothing was refunded: " + e.getMessage());
    }
    return payments.completeRefund(request.refundId(), confirmation, "refund: " + reason);
  }
}
