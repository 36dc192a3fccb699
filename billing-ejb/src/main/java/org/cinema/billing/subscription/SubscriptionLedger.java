package org.cinema.billing.subscription;

import jakarta.ejb.Stateless;
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
import org.cinema.billing.error.ErrorCode;
import org.cinema.billing.invoice.Invoice;
import org.cinema.billing.payment.Payment;
import org.cinema.billing.payment.PaymentStatus;
import org.cinema.billing.platform.UniqueViolation;

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

  /**
   * Creates the subscription, its first invoice and a payment in one transaction; or, when an
   * unpaid subscription to the product exists, hands back its payment instead of a second one.
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
      if (subscription.status() != SubscriptionStatus.PENDING) {
        throw new BillingException(
            ErrorCode.ALREADY_SUBSCRIBED,
            "Already subscribed to "
                + product.name()
                + " until "
                + subscription.currentPeriodEnd());
      }
      Payment payment = latestPayment(subscription.id());
      return ticket(subscription, payment, account, product, false);
    }
    Instant now = clock.instant();
    Subscription subscription = Subscription.pending(accountId, product);
    Invoice invoice = Invoice.forPeriod(subscription, now);
    Payment payment = Payment.of(invoice, provider);
    try {
      // Rows refer to each other by id only (no JPA relationships), so the order of the
      // inserts is set here, one flush each, for the foreign keys.
      em.persist(subscription);
      em.flush();
      em.persist(invoice);
      em.flush();
      em.persist(payment);
      em.flush();
      em.persist(payment.created("subscribed to " + product.name(), now));
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
   * paid period and does not renew; an unpaid one ends now, and its checkout closes.
   */
  public SubscriptionView cancel(UUID accountId, UUID productId) {
    Subscription subscription =
        findOpen(accountId, productId)
            .orElseThrow(
                () ->
                    new BillingException(
                        ErrorCode.SUBSCRIPTION_NOT_FOUND,
                        "No open subscription to product " + productId));
    em.lock(subscription, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    if (subscription.status() == SubscriptionStatus.PENDING) {
      subscription.cancel("canceled before payment", now);
      Payment payment = latestPayment(subscription.id());
      if (payment.status().canMoveTo(PaymentStatus.CANCELED)) {
        em.persist(payment.moveTo(PaymentStatus.CANCELED, "subscription canceled", now));
      }
    } else {
      subscription.cancelAtPeriodEnd(now);
    }
    return view(subscription);
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
