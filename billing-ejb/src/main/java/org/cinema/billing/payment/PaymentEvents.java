package org.cinema.billing.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cinema.billing.invoice.Invoice;
import org.cinema.billing.notification.EventType;
import org.cinema.billing.notification.Outbox;
import org.cinema.common.json.Jsons;

/**
 * Tells the outbox of a payment's transitions that someone is told of: paid ({@code
 * payment.succeeded}), declined ({@code payment.failed}, with the page to pay again on), money back
 * ({@code refund.succeeded}). In the payment ledger's transaction.
 */
@ApplicationScoped
public class PaymentEvents {

  @PersistenceContext private EntityManager em;

  @Inject private Outbox outbox;

  void record(Payment payment, List<PaymentTransition> transitions) {
    UUID subscription = null;
    for (PaymentTransition transition : transitions) {
      Optional<EventType> type =
          switch (transition.to()) {
            case SUCCEEDED -> Optional.of(EventType.PAYMENT_SUCCEEDED);
            case FAILED -> Optional.of(EventType.PAYMENT_FAILED);
            case REFUNDED, PARTIALLY_REFUNDED -> Optional.of(EventType.REFUND_SUCCEEDED);
            default -> Optional.empty();
          };
      if (type.isEmpty()) {
        continue;
      }
      if (subscription == null) {
        subscription = em.find(Invoice.class, payment.invoiceId()).subscriptionId();
      }
      outbox.record(
          type.get(),
          payment.accountId(),
          subscription,
          data(payment, subscription, type.get()).build());
    }
  }

  private static JsonObjectBuilder data(Payment payment, UUID subscription, EventType type) {
    JsonObjectBuilder data =
        Jsons.object()
            .add("payment_id", payment.id().toString())
            .add("account_id", payment.accountId().toString())
            .add("invoice_id", payment.invoiceId().toString())
            .add("subscription_id", subscription.toString())
            .add("amount", payment.amount())
            .add("currency", payment.currency())
            .add("status", payment.status().name())
            .add("provider", payment.provider());
    switch (type) {
      case PAYMENT_FAILED -> {
        optional(data, "failure_code", payment.failureCode());
        optional(data, "failure_message", payment.failureMessage());
        optional(data, "pay_again_url", payment.checkoutUrl());
      }
      case REFUND_SUCCEEDED -> data.add("refunded_amount", payment.refundedAmount());
      default -> {}
    }
    return data;
  }

  private static void optional(JsonObjectBuilder data, String name, String value) {
    if (value != null) {
      data.add(name, value);
    }
  }
}
