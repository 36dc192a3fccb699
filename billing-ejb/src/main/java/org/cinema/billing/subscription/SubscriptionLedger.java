package org.cinema.billing.subscription;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cinema.billing.account.Account;
import org.cinema.billing.catalog.CatalogService;
import org.cinema.billing.catalog.Product;
import org.cinema.billing.error.BillingException;
import org.cinema.billing.invoice.Invoice;
import org.cinema.billing.invoice.InvoiceStatus;
import org.cinema.billing.notification.EventType;
import org.cinema.billing.notification.Outbox;
import org.cinema.billing.payment.Payment;
import org.cinema.billing.payment.PaymentFollowUp;
import org.cinema.billing.payment.PaymentStatus;
import org.cinema.billing.platform.InstantConverter;
import org.cinema.billing.platform.UniqueViolation;
import org.cinema.common.error.ErrorCode;
import org.cinema.common.json.Jsons;

/**
 * The database side of subscribing and cancelling, one transaction per call. The partial unique
 * index {@code uq_subscription_open_per_account_product} guarantees one open subscription (and so
 * one charge) per account and product, also against concurrent requests.
 */
@Stateless
public class SubscriptionLedger {

  @Inject private SubscriptionEvents events;

  @Inject private Outbox outbox;

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
    events.publish(subscription, Optional.empty());
    return view(subscription);
  }

  /**
   * Claims up to {@code limit} renewals to charge now and hands back their payments, in one
   * transaction: ACTIVE subscriptions that renew and whose period ends by {@code horizon}, and
   * PAST_DUE ones whose retry is due by {@code now}. Rows another transaction holds are skipped
   * ({@code FOR UPDATE SKIP LOCKED}), so any number of passes and instances share the work without
   * waiting on each other. The claim is the payment itself: a subscription whose next period has a
   * payment that reached the provider, or was created since {@code retryBefore}, is not claimed
   * again; a payment older than that which never reached the provider (its pass crashed) is handed
   * out again, with its own idempotency key, so the provider charges it once.
   *
   * <p>Each claimed subscription gets the next period's invoice (unique per subscription and period
   * start) and a payment; a retry cancels the declined payment (closing its page at the provider
   * after the commit) and makes a new one for the same invoice.
   */
  public List<CheckoutTicket> claimRenewals(
      Instant now, Instant horizon, Instant retryBefore, int limit, String provider) {
    @SuppressWarnings("unchecked")
    List<Object> ids =
        em.createNativeQuery(
                "select s.id from billing.subscription s where"
                    + " ((s.status = 'ACTIVE' and not s.cancel_at_period_end"
                    + "   and s.current_period_end <= ?)"
                    + "  or (s.status = 'PAST_DUE' and s.retry_at <= ?))"
                    + " and exists (select 1 from billing.product pr"
                    + "   where pr.id = s.product_id and pr.deleted_at is null)"
                    + " and not exists (select 1 from billing.invoice i"
                    + "   join billing.payment p on p.invoice_id = i.id"
                    + "   where i.subscription_id = s.id and i.period_start = s.current_period_end"
                    + "   and p.status in ('CREATED', 'PENDING', 'SUCCEEDED',"
                    + "     'PARTIALLY_REFUNDED', 'REFUNDED')"
                    + "   and (p.provider_payment_id is not null or p.created_at >= ?))"
                    + " order by s.current_period_end limit ?"
                    + " for update of s skip locked")
            .setParameter(1, at(horizon))
            .setParameter(2, at(now))
            .setParameter(3, at(retryBefore))
            .setParameter(4, limit)
            .getResultList();
    if (ids.isEmpty()) {
      return List.of();
    }
    List<UUID> claimed = ids.stream().map(id -> (UUID) id).toList();
    Map<UUID, Subscription> subscriptionsById = byId(Subscription.class, claimed);
    Map<UUID, Account> accounts =
        byId(
            Account.class,
            subscriptionsById.values().stream().map(Subscription::accountId).distinct().toList());
    Map<UUID, Invoice> invoiced = new HashMap<>();
    Map<UUID, Payment> latest = new HashMap<>();
    em.createQuery(
            "select i, p from Invoice i, Payment p, Subscription s"
                + " where p.invoiceId = i.id and i.subscriptionId = s.id"
                + " and i.periodStart = s.currentPeriodEnd and s.id in :ids"
                + " order by p.createdAt",
            Object[].class)
        .setParameter("ids", claimed)
        .getResultList()
        .forEach(
            row -> {
              Invoice invoice = (Invoice) row[0];
              invoiced.put(invoice.subscriptionId(), invoice);
              latest.put(invoice.subscriptionId(), (Payment) row[1]);
            });
    List<CheckoutTicket> tickets = new ArrayList<>();
    List<Payment> created = new ArrayList<>();
    List<Invoice> newInvoices = new ArrayList<>();
    for (UUID id : claimed) {
      Subscription subscription = subscriptionsById.get(id);
      Product product = em.find(Product.class, subscription.productId());
      Account account = accounts.get(subscription.accountId());
      Payment before = latest.get(id);
      if (before != null
          && before.status() == PaymentStatus.CREATED
          && before.providerPaymentId() == null) {
        tickets.add(ticket(subscription, before, account, product, false));
        continue;
      }
      Invoice invoice = invoiced.get(id);
      if (invoice == null) {
        invoice = subscription.nextInvoice();
        newInvoices.add(invoice);
      } else if (!invoice.isOpen()) {
        continue;
      }
      if (before != null) {
        cancelPayment(before, "charged again (dunning retry)", now);
      }
      Payment payment =
          Payment.of(
              invoice,
              provider,
              (before == null ? "renewal of " : "retry of the renewal of ") + product.name(),
              now);
      created.add(payment);
      tickets.add(ticket(subscription, payment, account, product, true));
    }
    // Rows refer to each other by id only: invoices first, for the payments' foreign keys.
    newInvoices.forEach(em::persist);
    em.flush();
    created.forEach(em::persist);
    em.flush();
    created.forEach(payment -> payment.takeHistory().forEach(em::persist));
    return tickets;
  }

  private <T> Map<UUID, T> byId(Class<T> type, List<UUID> ids) {
    Map<UUID, T> found = new HashMap<>();
    em.createQuery("select e from " + type.getSimpleName() + " e where e.id in :ids", type)
        .setParameter("ids", ids)
        .getResultList()
        .forEach(entity -> found.put(idOf(entity), entity));
    return found;
  }

  private static UUID idOf(Object entity) {
    if (entity instanceof Subscription subscription) {
      return subscription.id();
    }
    return ((Account) entity).id();
  }

  private static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /**
   * Subscriptions whose time is up: ACTIVE ones cancelled to period end, or whose product was
   * withdrawn, once the period has ended; ACTIVE ones whose renewal awaits the viewer and whose
   * period ended before {@code unpaidBefore}; PAST_DUE ones with no retry left (or whose product
   * was withdrawn, once the period has ended).
   */
  public List<UUID> dueToEnd(Instant now, Instant unpaidBefore, int limit) {
    return em.createQuery(
            "select s.id from Subscription s where"
                + " (s.status = :active and s.currentPeriodEnd <= :now"
                + "   and (s.cancelAtPeriodEnd = true or exists (select p.id from Product p"
                + "     where p.id = s.productId and p.deletedAt is not null)))"
                + " or (s.status = :active and s.currentPeriodEnd <= :unpaidBefore)"
                + " or (s.status = :pastDue and (s.retryAt is null or (s.currentPeriodEnd <= :now"
                + "   and exists (select p.id from Product p"
                + "     where p.id = s.productId and p.deletedAt is not null))))"
                + " order by s.currentPeriodEnd",
            UUID.class)
        .setParameter("active", SubscriptionStatus.ACTIVE)
        .setParameter("now", now)
        .setParameter("pastDue", SubscriptionStatus.PAST_DUE)
        .setParameter("unpaidBefore", unpaidBefore)
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Announces renewals coming within {@code before} ({@code renewal.upcoming}, once per
   * subscription and period): ACTIVE subscriptions that renew, whose product is still sold, whose
   * period ends after {@code now} and by {@code now + before}; up to {@code limit} at a time.
   *
   * @return how many were announced now
   */
  public int announceUpcoming(Instant now, Duration before, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> due =
        em.createNativeQuery(
                "select s.id, s.account_id, s.product_id, s.current_period_end, s.price,"
                    + " s.currency, s.period from billing.subscription s"
                    + " join billing.product p on p.id = s.product_id and p.deleted_at is null"
                    + " where s.status = 'ACTIVE' and not s.cancel_at_period_end"
                    + " and s.current_period_end > ? and s.current_period_end <= ?"
                    + " and not exists (select 1 from billing.outbox_event e where e.dedupe_key ="
                    + " 'renewal.upcoming:' || s.id || ':'"
                    + " || floor(extract(epoch from s.current_period_end))::bigint)"
                    + " order by s.current_period_end limit ?")
            .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
            .setParameter(2, OffsetDateTime.ofInstant(now.plus(before), ZoneOffset.UTC))
            .setParameter(3, limit)
            .getResultList();
    int announced = 0;
    for (Object[] row : due) {
      UUID id = (UUID) row[0];
      Instant renewsAt = InstantConverter.ofColumn(row[3]);
      boolean recorded =
          outbox.recordOnce(
              EventType.RENEWAL_UPCOMING,
              (UUID) row[1],
              id,
              Jsons.object()
                  .add("subscription_id", id.toString())
                  .add("account_id", row[1].toString())
                  .add("product_id", row[2].toString())
                  .add("renews_at", renewsAt.toString())
                  .add("amount", (BigDecimal) row[4])
                  .add("currency", ((String) row[5]).strip())
                  .add("period", (String) row[6])
                  .build(),
              "renewal.upcoming:" + id + ":" + renewsAt.getEpochSecond());
      announced += recorded ? 1 : 0;
    }
    return announced;
  }

  /**
   * Ends one subscription that {@link #dueToEnd} found, if its rules say so under its lock:
   * EXPIRED, its unpaid invoices void, their open payments canceled and the provider's checkouts
   * closed after the commit.
   *
   * @return the status it ended in; empty when it goes on
   */
  public Optional<SubscriptionStatus> end(UUID subscriptionId, Instant now, Instant unpaidBefore) {
    List<Payment> unpaid = unpaidPayments(subscriptionId);
    List<Invoice> open = openInvoices(subscriptionId);
    Subscription subscription =
        em.find(Subscription.class, subscriptionId, LockModeType.PESSIMISTIC_WRITE);
    Product product = em.find(Product.class, subscription.productId());
    Optional<String> reason = subscription.expireIfDue(now, unpaidBefore, product.deleted());
    if (reason.isEmpty()) {
      return Optional.empty();
    }
    open.forEach(Invoice::voidUnpaid);
    unpaid.forEach(payment -> cancelPayment(payment, reason.get(), now));
    events.publish(subscription, Optional.empty());
    return Optional.of(subscription.status());
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
        s.createdAt(),
        s.renewalFailures(),
        s.pastDueSince(),
        s.retryAt());
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
        created,
        subscription.status() == SubscriptionStatus.PAST_DUE);
  }
}
