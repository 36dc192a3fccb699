package org.cinema.billing.subscription;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cinema.billing.account.Account;
import org.cinema.billing.catalog.CatalogService;
import org.cinema.billing.catalog.Product;
import org.cinema.billing.error.BillingException;
import org.cinema.billing.invoice.Invoice;
import org.cinema.billing.invoice.InvoiceStatus;
import org.cinema.billing.payment.Payment;
import org.cinema.billing.payment.PaymentFollowUp;
import org.cinema.billing.payment.PaymentStatus;
import org.cinema.billing.platform.UniqueViolation;
import org.cinema.common.error.ErrorCode;

/**
 * The database side of subscribing and cancelling, one transaction per call. The partial unique
 * index {@code uq_subscription_open_per_account_product} guarantees one open subscription (and so
 * one charge) per account and product, also against concurrent requests.
 */
@Stateless
public class SubscriptionLedger {

  @PersistenceContext private EntityManager em;

  @Inject private CatalogService catalog;

  @Inject private Clock clock;

  @Inject private Event<PaymentFollowUp> followUps;

  /**
   * Creates the subscription, its first invoice and a payment in one transaction; or, when an
   * unpaid subscription to the product exists, hands back its payment instead of a second one.
   *
   * <p>A paid subscription whose renewal is unpaid (no saved card, or it was declined: PAST_DUE)
   * hands back the renewal's payment: paying it renews the subscription.
   *
   * @throws BillingException ALREADY_SUBSCRIBED when the product is paid for already;
   *     REQUEST_IN_PROGRESS when a concurrent request created it first (retry to get it)
   */
  public CheckoutTicket openCheckout(UUID accountId, UUID productId, String provider) {
    Product product = catalog.getProductOnSale(productId);
    Account account = em.find(Account.class, accountId);
    Optional<Subscription> open = findOpen(accountId, productId);
    if (open.isPresent()) {
      Subscription subscription = open.get();
      Payment payment = latestPayment(subscription.id());
      if (subscription.status() != SubscriptionStatus.PENDING && !payment.status().isUnpaid()) {
        throw new BillingException(
            ErrorCode.ALREADY_SUBSCRIBED,
            "Already subscribed to "
                + product.name()
                + " until "
                + subscription.currentPeriodEnd());
      }
      return ticket(subscription, payment, account, product, false);
    }
    Instant now = clock.instant();
    Subscription subscription = Subscription.pending(accountId, product);
    Invoice invoice = subscription.firstInvoice(now);
    Payment payment = Payment.of(invoice, provider, "subscribed to " + product.name(), now);
    try {
      // Rows refer to each other by id only (no JPA relationships), so the order of the
      // inserts is set here, one flush each, for the foreign keys.
      em.persist(subscription);
      em.flush();
      em.persist(invoice);
      em.flush();
      em.persist(payment);
      em.flush();
      payment.takeHistory().forEach(em::persist);
    } catch (PersistenceException e) {
      if (UniqueViolation.of(e, "uq_subscription_open_per_account_product")) {
        throw new BillingException(
            ErrorCode.REQUEST_IN_PROGRESS, "A subscription to this product is being created");
      }
      throw e;
    }
    return ticket(subscription, payment, account, product, true);
  }

  /**
   * The viewer's cancel of their subscription to a product: an active one runs to the end of its
   * paid period and does not renew; an unpaid one ends now, its payment is canceled and the
   * provider's checkout is closed after the commit (so it takes no money for nothing).
   */
  public SubscriptionView cancel(UUID accountId, UUID productId) {
    Subscription subscription =
        findOpen(accountId, productId)
            .orElseThrow(
                () ->
                    new BillingException(
                        ErrorCode.SUBSCRIPTION_NOT_FOUND,
                        "No open subscription to product " + productId));
    // Lock order: payments, invoices, then the subscription (as the payment ledger does).
    List<Payment> unpaid = unpaidPayments(subscription.id());
    List<Invoice> open = openInvoices(subscription.id());
    em.refresh(subscription, LockModeType.PESSIMISTIC_WRITE);
    if (!subscription.status().isOpen()) {
      throw new BillingException(
          ErrorCode.SUBSCRIPTION_NOT_FOUND, "No open subscription to product " + productId);
    }
    Instant now = clock.instant();
    if (subscription.cancelByViewer(now) == Subscription.Cancel.ENDED_NOW) {
      open.forEach(Invoice::voidUnpaid);
      unpaid.forEach(payment -> cancelPayment(payment, "subscription canceled", now));
    }
    return view(subscription);
  }

  /**
   * Subscriptions to renew: ACTIVE, renewing, their period ending by {@code horizon}, and their
   * next period not yet invoiced — or invoiced with a payment that never reached the provider (the
   * call failed) and was created before {@code retryBefore}. Soonest ending first.
   */
  public List<UUID> dueForRenewal(Instant horizon, Instant retryBefore, int limit) {
    return em.createQuery(
            "select s.id from Subscription s where s.status = :active"
                + " and s.cancelAtPeriodEnd = false and s.currentPeriodEnd <= :horizon"
                + " and not exists (select p.id from Payment p, Invoice i"
                + "   where p.invoiceId = i.id and i.subscriptionId = s.id"
                + "   and i.periodStart = s.currentPeriodEnd"
                + "   and (p.providerPaymentId is not null or p.createdAt >= :retryBefore))"
                + " order by s.currentPeriodEnd",
            UUID.class)
        .setParameter("active", SubscriptionStatus.ACTIVE)
        .setParameter("horizon", horizon)
        .setParameter("retryBefore", retryBefore)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Invoices the next period of a subscription and creates its payment, in one transaction with the
   * subscription locked (the unique period start per subscription makes a second renewal of the
   * same period impossible, also from another instance); or hands back a renewal payment that never
   * reached the provider.
   *
   * @return the payment to take now; empty when there is nothing to do (renewed meanwhile,
   *     cancelled, the product withdrawn from sale)
   */
  public Optional<CheckoutTicket> beginRenewal(
      UUID subscriptionId, Instant horizon, String provider) {
    Subscription subscription =
        em.find(Subscription.class, subscriptionId, LockModeType.PESSIMISTIC_WRITE);
    Product product = em.find(Product.class, subscription.productId());
    if (!subscription.renewalDue(horizon, product.deleted())) {
      return Optional.empty();
    }
    Account account = em.find(Account.class, subscription.accountId());
    Optional<Invoice> invoiced =
        em.createQuery(
                "select i from Invoice i where i.subscriptionId = :subscription"
                    + " and i.periodStart = :start",
                Invoice.class)
            .setParameter("subscription", subscriptionId)
            .setParameter("start", subscription.currentPeriodEnd())
            .getResultStream()
            .findFirst();
    if (invoiced.isPresent()) {
      Payment payment = latestPayment(subscriptionId);
      if (payment.status() != PaymentStatus.CREATED || payment.providerPaymentId() != null) {
        return Optional.empty();
      }
      return Optional.of(ticket(subscription, payment, account, product, false));
    }
    Invoice invoice = subscription.nextInvoice();
    Payment payment =
        Payment.of(invoice, provider, "renewal of " + product.name(), clock.instant());
    em.persist(invoice);
    em.flush();
    em.persist(payment);
    em.flush();
    payment.takeHistory().forEach(em::persist);
    return Optional.of(ticket(subscription, payment, account, product, true));
  }

  /**
   * Subscriptions whose time is up: ACTIVE ones cancelled to period end, or whose product was
   * withdrawn, once the period has ended; ACTIVE or PAST_DUE ones whose period ended before {@code
   * unpaidBefore} without the renewal being paid.
   */
  public List<UUID> dueToEnd(Instant now, Instant unpaidBefore, int limit) {
    return em.createQuery(
            "select s.id from Subscription s where"
                + " (s.status = :active and s.currentPeriodEnd <= :now"
                + "   and (s.cancelAtPeriodEnd = true or exists (select p.id from Product p"
                + "     where p.id = s.productId and p.deletedAt is not null)))"
                + " or (s.status in :renewing and s.currentPeriodEnd <= :unpaidBefore)"
                + " order by s.currentPeriodEnd",
            UUID.class)
        .setParameter("active", SubscriptionStatus.ACTIVE)
        .setParameter("now", now)
        .setParameter("renewing", List.of(SubscriptionStatus.ACTIVE, SubscriptionStatus.PAST_DUE))
        .setParameter("unpaidBefore", unpaidBefore)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Ends one subscription that {@link #dueToEnd} found, if its rules say so under its lock:
   * EXPIRED, its unpaid invoices void, their open payments canceled and the provider's checkouts
   * closed after the commit.
   *
   * @return whether it ended
   */
  public boolean end(UUID subscriptionId, Instant now, Instant unpaidBefore) {
    List<Payment> unpaid = unpaidPayments(subscriptionId);
    List<Invoice> open = openInvoices(subscriptionId);
    Subscription subscription =
        em.find(Subscription.class, subscriptionId, LockModeType.PESSIMISTIC_WRITE);
    Product product = em.find(Product.class, subscription.productId());
    Optional<String> reason = subscription.expireIfDue(now, unpaidBefore, product.deleted());
    if (reason.isEmpty()) {
      return false;
    }
    open.forEach(Invoice::voidUnpaid);
    unpaid.forEach(payment -> cancelPayment(payment, reason.get(), now));
    return true;
  }

  /** The subscription's invoices still owed, locked (after its payments, before itself). */
  private List<Invoice> openInvoices(UUID subscriptionId) {
    return em.createQuery(
            "select i from Invoice i where i.subscriptionId = :subscription"
                + " and i.status in :open",
            Invoice.class)
        .setParameter("subscription", subscriptionId)
        .setParameter("open", List.of(InvoiceStatus.OPEN, InvoiceStatus.UNCOLLECTIBLE))
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }

  /** Our side ends an unpaid payment; its checkout is closed at the provider after the commit. */
  private void cancelPayment(Payment payment, String cause, Instant now) {
    if (payment.cancel(cause, now)) {
      payment.takeHistory().forEach(em::persist);
      if (payment.checkoutStillOpen()) {
        followUps.fire(new PaymentFollowUp.CloseCheckout(payment.id()));
      }
    }
  }

  /** The subscription's payments still waiting for money, locked (payments before the rest). */
  private List<Payment> unpaidPayments(UUID subscriptionId) {
    return em.createQuery(
            "select p from Payment p, Invoice i where p.invoiceId = i.id"
                + " and i.subscriptionId = :subscription and p.status in :unpaid",
            Payment.class)
        .setParameter("subscription", subscriptionId)
        .setParameter(
            "unpaid", List.of(PaymentStatus.CREATED, PaymentStatus.PENDING, PaymentStatus.FAILED))
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }

  SubscriptionView view(Subscription s) {
    Product product = em.find(Product.class, s.productId());
    return new SubscriptionView(
        s.id(),
        s.accountId(),
        s.productId(),
        product.name(),
        s.status(),
        s.price(),
        s.currency(),
        s.period(),
        s.currentPeriodStart(),
        s.currentPeriodEnd(),
        s.cancelsAtPeriodEnd(),
        s.createdAt());
  }

  private Optional<Subscription> findOpen(UUID accountId, UUID productId) {
    return em.createQuery(
            "select s from Subscription s where s.accountId = :account"
                + " and s.productId = :product and s.status in :open",
            Subscription.class)
        .setParameter("account", accountId)
        .setParameter("product", productId)
        .setParameter(
            "open",
            List.of(
                SubscriptionStatus.PENDING, SubscriptionStatus.ACTIVE, SubscriptionStatus.PAST_DUE))
        .getResultStream()
        .findFirst();
  }

  private Payment latestPayment(UUID subscriptionId) {
    return em.createQuery(
            "select p from Payment p, Invoice i where p.invoiceId = i.id"
                + " and i.subscriptionId = :subscription order by p.createdAt desc, p.id",
            Payment.class)
        .setParameter("subscription", subscriptionId)
        .setMaxResults(1)
        .getSingleResult();
  }

  private static CheckoutTicket ticket(
      Subscription subscription,
      Payment payment,
      Account account,
      Product product,
      boolean created) {
    return new CheckoutTicket(
        subscription.id(),
        payment.id(),
        account.id(),
        account.email(),
        account.fullName(),
        product.name(),
        subscription.price(),
        subscription.currency(),
        subscription.period(),
        Optional.ofNullable(payment.checkoutUrl()),
        payment.status(),
        created);
  }
}
