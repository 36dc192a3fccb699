package org.cinema.billing.subscription;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cinema.billing.error.BillingException;
import org.cinema.billing.payment.Payment;
import org.cinema.billing.payment.PaymentLedger;
import org.cinema.billing.payment.PaymentStatus;
import org.cinema.billing.payment.gateway.ActiveGateway;
import org.cinema.billing.payment.gateway.CheckoutRequest;
import org.cinema.billing.payment.gateway.CheckoutSession;
import org.cinema.billing.payment.gateway.GatewayException;
import org.cinema.billing.payment.gateway.PaymentGateway;
import org.cinema.common.error.ErrorCode;

/**
 * Subscribing: the subscription, invoice and payment are committed first, then the provider is
 * asked for a checkout (outside any transaction: a slow provider holds no locks), then the checkout
 * is recorded. A provider failure leaves a payment that the next request retries.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SubscriptionService {

  @Inject private SubscriptionLedger subscriptions;

  @Inject private PaymentLedger payments;

  @Inject private ActiveGateway gateway;

  public SubscribeResult subscribe(UUID accountId, UUID productId, URI apiBase) {
    PaymentGateway provider = gateway.get();
    CheckoutTicket ticket;
    try {
      ticket = subscriptions.openCheckout(accountId, productId, provider.name());
    } catch (BillingException e) {
      if (e.code() != ErrorCode.REQUEST_IN_PROGRESS) {
        throw e;
      }
      ticket = subscriptions.openCheckout(accountId, productId, provider.name());
    }
    if (ticket.checkoutUrl().isPresent()) {
      return new SubscribeResult(ticket, ticket.checkoutUrl().get(), ticket.paymentStatus());
    }
    return takePayment(provider, ticket, apiBase, false);
  }

  /**
   * Claims up to {@code limit} renewals due now (see {@link SubscriptionLedger#claimRenewals}); the
   * payments are committed before any provider is called.
   */
  public List<CheckoutTicket> claimRenewals(
      Instant now, Instant horizon, Instant retryBefore, int limit) {
    return subscriptions.claimRenewals(now, horizon, retryBefore, limit, gateway.get().name());
  }

  /**
   * Charges a claimed renewal: the saved card off-session (a page for the viewer when there is none
   * or it is declined), then records what the provider said.
   */
  public SubscribeResult chargeRenewal(CheckoutTicket ticket, URI apiBase) {
    return takePayment(gateway.get(), ticket, apiBase, true);
  }

  private SubscribeResult takePayment(
      PaymentGateway provider, CheckoutTicket ticket, URI apiBase, boolean renewal) {
    CheckoutSession session;
    try {
      session =
          provider.openCheckout(
              new CheckoutRequest(
                  ticket.paymentId(),
                  ticket.accountId(),
                  ticket.customerEmail(),
                  ticket.customerName(),
                  ticket.productName() + ", " + ticket.period().code(),
                  ticket.price(),
                  ticket.currency(),
                  apiBase,
                  renewal));
    } catch (GatewayException e) {
      throw new BillingException(
          ErrorCode.PROVIDER_UNAVAILABLE,
          "The payment provider did not open a checkout; try again: " + e.getMessage());
    }
    Payment payment = payments.checkoutOpened(ticket.paymentId(), session);
    // Canceled while the provider opened it (the viewer canceled meanwhile): no page to pay on.
    String url = payment.status() == PaymentStatus.CANCELED ? null : session.url();
    return new SubscribeResult(ticket, url, payment.status());
  }
}
