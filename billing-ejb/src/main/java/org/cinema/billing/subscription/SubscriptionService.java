package org.cinema.billing.subscription;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cinema.billing.error.BillingException;
import org.cinema.billing.payment.Payment;
import org.cinema.billing.payment.PaymentLedger;
import org.cinema.billing.payment.PaymentStatus;
import org.cinema.billing.payment.gateway.ActiveGateway;
import org.cinema.billing.payment.gateway.CheckoutRequest;
import org.cinema.billing.payment.gateway.CheckoutSession;
import org.cinema.billing.payment.gateway.GatewayException;
import org.cinema.billing.payment.gateway.PaymentGateway;
import org.cinema.billing.payment.gateway.RenewalCharge;
import org.cinema.billing.payment.gateway.RequestPacing;
import org.cinema.common.error.ErrorCode;

/**
 * Subscribing: the subscription, invoice and payment are committed first, then the provider is
 * asked for a checkout (outside any transaction: a slow provider holds no locks), then the checkout
 * is recorded. A provider failure leaves a payment that the next request retries.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SubscriptionService {

  private static final Logger LOG = Logger.getLogger(SubscriptionService.class.getName());

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
   * Charges claimed renewals, as many at once as the provider takes ({@link
   * PaymentGateway#renewalGroupSize}): the saved cards off-session (a page for the viewer when
   * there is none or it is declined), then records what the provider said, for the group in one
   * transaction. When that transaction fails, each is recorded on its own, so that one payment's
   * trouble costs the others nothing.
   *
   * @param pacing before each request sent to the provider (its rate limit)
   * @return one outcome per ticket, in their order
   */
  public List<RenewalOutcome> chargeRenewals(
      List<CheckoutTicket> tickets, URI apiBase, RequestPacing pacing) {
    List<RenewalCharge> answers =
        gateway
            .get()
            .chargeRenewals(tickets.stream().map(t -> request(t, apiBase, true)).toList(), pacing);
    Map<UUID, CheckoutSession> answered = new LinkedHashMap<>();
    Map<UUID, RuntimeException> errors = new HashMap<>();
    for (RenewalCharge answer : answers) {
      UUID paymentId = answer.request().paymentId();
      answer
          .session()
          .ifPresentOrElse(
              session -> answered.put(paymentId, session),
              () -> errors.put(paymentId, providerUnavailable(answer.error().orElseThrow())));
    }
    Map<UUID, PaymentStatus> recorded = record(answered, errors);
    return tickets.stream()
        .map(
            ticket ->
                recorded.containsKey(ticket.paymentId())
                    ? RenewalOutcome.recorded(ticket, recorded.get(ticket.paymentId()))
                    : RenewalOutcome.failed(
                        ticket,
                        errors.getOrDefault(
                            ticket.paymentId(),
                            new IllegalStateException(
                                "no answer from the provider for payment " + ticket.paymentId()))))
        .toList();
  }

  private Map<UUID, PaymentStatus> record(
      Map<UUID, CheckoutSession> answered, Map<UUID, RuntimeException> errors) {
    if (answered.size() > 1) {
      try {
        return payments.checkoutsOpened(answered);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Recording a group of renewals failed; recording each: " + e, e);
      }
    }
    Map<UUID, PaymentStatus> recorded = new HashMap<>();
    answered.forEach(
        (paymentId, session) -> {
          try {
            recorded.put(paymentId, payments.checkoutOpened(paymentId, session).status());
          } catch (RuntimeException e) {
            errors.put(paymentId, e);
          }
        });
    return recorded;
  }

  private SubscribeResult takePayment(
      PaymentGateway provider, CheckoutTicket ticket, URI apiBase, boolean renewal) {
    CheckoutSession session;
    try {
      session = provider.openCheckout(request(ticket, apiBase, renewal));
    } catch (GatewayException e) {
      throw providerUnavailable(e);
    }
    Payment payment = payments.checkoutOpened(ticket.paymentId(), session);
    // Canceled while the provider opened it (the viewer canceled meanwhile): no page to pay on.
    String url = payment.status() == PaymentStatus.CANCELED ? null : session.url();
    return new SubscribeResult(ticket, url, payment.status());
  }

  private static CheckoutRequest request(CheckoutTicket ticket, URI apiBase, boolean renewal) {
    return new CheckoutRequest(
        ticket.paymentId(),
        ticket.accountId(),
        ticket.customerEmail(),
        ticket.customerName(),
        ticket.productName() + ", " + ticket.period().code(),
        ticket.price(),
        ticket.currency(),
        apiBase,
        renewal);
  }

  private static BillingException providerUnavailable(GatewayException e) {
    return new BillingException(
        ErrorCode.PROVIDER_UNAVAILABLE,
        "The payment provider did not open a checkout; try again: " + e.getMessage());
  }
}
