package org.cinema.billing.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.cinema.billing.invoice.Invoice;
import org.cinema.billing.invoice.InvoiceStatus;
import org.cinema.billing.payment.Payment;
import org.cinema.billing.payment.PaymentPurpose;

/**
 * What a payment's outcome does to its invoice and subscription, in the payment ledger's
 * transaction: both rows are locked (payment, then invoice, then subscription: one order
 * everywhere) and the aggregates decide.
 */
@ApplicationScoped
public class SubscriptionPayments implements PaymentPurpose {

  @PersistenceContext private EntityManager em;

  @Inject private Dunning dunning;

  @Override
  public Optional<String> paid(Payment payment, Instant at) {
    Invoice invoice = invoiceOf(payment);
    return subscriptionOf(invoice).onPaymentSucceeded(invoice, at);
  }

  @Override
  public void declined(Payment payment, Instant at) {
    Invoice invoice = invoiceOf(payment);
    subscriptionOf(invoice).onRenewalDeclined(invoice, at, dunning.schedule());
  }

  @Override
  public void checkoutExpired(Payment payment, Instant at) {
    Invoice invoice = invoiceOf(payment);
    if (subscriptionOf(invoice).onCheckoutExpired(at)) {
      invoice.voidUnpaid();
    }
  }

  @Override
  public void refundedWhole(Payment payment, Instant at) {
    Invoice invoice = invoiceOf(payment);
    Subscription subscription = subscriptionOf(invoice);
    if (invoice.status() == InvoiceStatus.PAID) {
      subscription.onPaymentRefunded(newerPeriodPaid(invoice), at);
    } else if (subscription.status() == SubscriptionStatus.PENDING) {
      // The money went back before it was applied (a refund reported ahead of the success):
      // nothing was bought, and the subscription it was to start ends. (A renewal's invoice
      // stays unpaid instead, and the renewal rules take it from there.)
      invoice.voidUnpaid();
      subscription.onPaymentRefunded(false, at);
    }
  }

  /** Whether the subscription has a paid invoice for a later period than this one's. */
  private boolean newerPeriodPaid(Invoice invoice) {
    return !em.createQuery(
            "select i.id from Invoice i where i.subscriptionId = :subscription"
                + " and i.status = :paid and i.periodStart > :start and i.id <> :invoice",
            UUID.class)
        .setParameter("subscription", invoice.subscriptionId())
        .setParameter("paid", InvoiceStatus.PAID)
        .setParameter("start", invoice.periodStart())
        .setParameter("invoice", invoice.id())
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  private Invoice invoiceOf(Payment payment) {
    return em.find(Invoice.class, payment.invoiceId(), LockModeType.PESSIMISTIC_WRITE);
  }

  private Subscription subscriptionOf(Invoice invoice) {
    return em.find(Subscription.class, invoice.subscriptionId(), LockModeType.PESSIMISTIC_WRITE);
  }
}
