package org.cinema.billing.subscription;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cinema.billing.invoice.Invoice;
import org.cinema.billing.invoice.InvoiceStatus;
import org.cinema.billing.payment.Payment;
import org.cinema.billing.payment.PaymentPurpose;
import org.cinema.billing.payment.PaymentStatus;

/**
 * What a payment's outcome does to its invoice and subscription, in the payment ledger's
 * transaction: both rows are locked (payment, then invoice, then subscription: one order
 * everywhere) and the aggregates decide.
 */
@ApplicationScoped
public class SubscriptionPayments implements PaymentPurpose {

  @PersistenceContext private EntityManager em;

  @Inject private Dunning dunning;

  @Inject private SubscriptionEvents events;

  /** The subscriptions this transaction changed through their payments, to announce. */
  @Resource private TransactionSynchronizationRegistry transaction;

  private static final String CHANGED = SubscriptionPayments.class.getName() + ".changed";

  @Override
  public void lockAll(Collection<Payment> payments) {
    List<UUID> invoices = payments.stream().map(Payment::invoiceId).distinct().toList();
    List<UUID> subscriptions =
        em
            .createQuery("select i from Invoice i where i.id in :ids order by i.id", Invoice.class)
            .setParameter("ids", invoices)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList()
            .stream()
            .map(Invoice::subscriptionId)
            .distinct()
            .toList();
    em.createQuery(
            "select s from Subscription s where s.id in :ids order by s.id", Subscription.class)
        .setParameter("ids", subscriptions)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }

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
    Subscription subscription =
        em.find(Subscription.class, invoice.subscriptionId(), LockModeType.PESSIMISTIC_WRITE);
    changed().add(subscription);
    return subscription;
  }

  @Override
  public void announce(Payment payment) {
    @SuppressWarnings("unchecked")
    Set<Subscription> changed = (Set<Subscription>) transaction.getResource(CHANGED);
    if (changed == null || changed.isEmpty()) {
      return;
    }
    Optional<String> page =
        Optional.ofNullable(payment.checkoutUrl())
            .filter(url -> payment.status() == PaymentStatus.FAILED);
    for (Subscription subscription : changed) {
      events.publish(subscription, page);
    }
    changed.clear();
  }

  private Set<Subscription> changed() {
    @SuppressWarnings("unchecked")
    Set<Subscription> changed = (Set<Subscription>) transaction.getResource(CHANGED);
    if (changed == null) {
      changed = new LinkedHashSet<>();
      transaction.putResource(CHANGED, changed);
    }
    return changed;
  }
}
