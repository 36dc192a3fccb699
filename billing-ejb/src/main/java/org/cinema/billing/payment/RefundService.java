package org.cinema.billing.payment;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.cinema.billing.entitlement.AccessCache;
import org.cinema.billing.error.BillingException;
import org.cinema.billing.payment.gateway.ActiveGateway;
import org.cinema.billing.payment.gateway.GatewayException;
import org.cinema.billing.payment.gateway.RefundConfirmation;
import org.cinema.billing.payment.gateway.RefundRequest;
import org.cinema.billing.platform.PublicApi;
import org.cinema.common.error.ErrorCode;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refunds: recorded as pending, sent to the provider outside any transaction (its refund id is the
 * idempotency key), then applied, or marked refused when the provider refused. A call whose outcome
 * is unknown (a timeout) leaves the refund pending: asking again, by the viewer or the reconciler,
 * sends the same refund, never a second one. When the provider took it, this instance's access
 * answers for the viewer are dropped before the caller hears back, so the viewer's next
 * check-rights here already says no.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RefundService {

  private static final Logger LOG = Logger.getLogger(RefundService.class.getName());

  @Inject private PaymentLedger payments;

  @Inject private ActiveGateway gateway;

  @Inject private AccessCache access;

  @Inject private PublicApi publicApi;

  @Inject
  @ConfigProperty(name = "viewer.refund-window", defaultValue = "P14D")
  private Duration viewerWindow;

  /**
   * The viewer's cancel-payment: all that is left of their own payment, within {@code
   * VIEWER_REFUND_WINDOW} of paying.
   */
  public Payment refundOwn(UUID accountId, UUID paymentId, URI apiBase) {
    return send(
        payments.beginRefund(
            paymentId,
            Optional.of(accountId),
            Optional.empty(),
            "canceled by the viewer",
            Optional.of(viewerWindow),
            apiBase));
  }

  /** An administrator's refund, whole or part, at any time. */
  public Payment refundAsAdministrator(
      UUID paymentId, Optional<BigDecimal> amount, String reason, URI apiBase) {
    return send(
        payments.beginRefund(
            paymentId, Optional.empty(), amount, reason, Optional.empty(), apiBase));
  }

  /**
   * Sends a refund that is pending (made automatically, or whose outcome was unknown) to the
   * provider, with its own idempotency key; for the follow-ups and the reconciler.
   */
  public void sendPending(UUID refundId) {
    payments
        .askAgain(refundId, publicApi.known().orElse(null))
        .ifPresent(
            request -> {
              try {
                send(request);
              } catch (BillingException e) {
                LOG.warning(() -> "Refund " + refundId + ": " + e.getMessage());
              }
            });
  }

  private Payment send(RefundRequest request) {
    RefundConfirmation confirmation;
    try {
      confirmation = gateway.get().refund(request);
    } catch (GatewayException e) {
      if (e.outcomeUnknown()) {
        throw new BillingException(
            ErrorCode.PROVIDER_UNAVAILABLE,
            "The payment provider has not confirmed the refund (no answer in time, or it is"
                + " still processing it). The refund is kept pending and will be confirmed with the"
                + " provider; asking again is safe and refunds once: "
                + e.getMessage());
      }
      payments.refundRefused(request.refundId(), e.getMessage());
      throw new BillingException(
          ErrorCode.REFUND_REFUSED,
          "The payment provider refused the refund; nothing was refunded: " + e.getMessage());
    }
    Payment payment = payments.refundConfirmed(request.refundId(), confirmation);
    access.evict(payment.accountId());
    return payment;
  }
}
