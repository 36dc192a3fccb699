package org.cinema.billing.payment.sandbox;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cinema.billing.payment.gateway.CheckoutRequest;
import org.cinema.billing.payment.gateway.GatewayException;
import org.cinema.billing.platform.BulkStatement;
import org.cinema.billing.platform.Money;
import org.cinema.billing.platform.NativeParameters;

/**
 * The sandbox provider's own records (tables {@code sandbox_*}), kept as Stripe keeps its own: the
 * checkout page of each payment, the one charge (PaymentIntent) each payment's attempts go to, and
 * the refunds made, once per idempotency key. Our payment ids are only metadata here: the sandbox
 * answers from these rows, never from our payments, so it behaves as a provider that lives
 * elsewhere (its state survives our crashes and it can be asked about it).
 */
@Stateless
public class SandboxStore {

  private static final String CHECKOUT_COLUMNS =
      "id, payment_ref, account_ref, description, amount_minor, currency, status, payment_intent";

  private static final String INTENT_COLUMNS =
      "id, payment_ref, account_ref, amount_minor, currency, status, error_code, decline_code,"
          + " error_message";

  @PersistenceContext private EntityManager em;

  @Inject private SavedCards savedCards;

  /** A checkout page of the sandbox. */
  public record Checkout(
      String id,
      UUID paymentRef,
      UUID accountRef,
      String description,
      long amountMinor,
      String currency,
      String status,
      String intentId) {

    public boolean open() {
      return "open".equals(status);
    }
  }

  /** The sandbox's charge of one payment and its last attempt's result. */
  public record Intent(
      String id,
      UUID paymentRef,
      UUID accountRef,
      long amountMinor,
      String currency,
      String status,
      String errorCode,
      String declineCode,
      String errorMessage) {

    public boolean succeeded() {
      return "succeeded".equals(status);
    }
  }

  /** A renewal's checkout, the card that was saved for it (if any), and its charge when tried. */
  public record OffSessionCharge(
      Checkout checkout, Optional<TestCard> card, Optional<Intent> intent) {}

  /** A refund the sandbox made, and what it has refunded on the charge in all since. */
  public record RefundMade(String id, long refundedMinorInAll) {}

  /** Opens the payment's checkout page, or finds it again: one per payment. */
  public Checkout openCheckout(CheckoutRequest request) {
    return insertCheckouts(List.of(request)).stream()
        .findFirst()
        .or(() -> checkoutOf(request.paymentId()))
        .orElseThrow();
  }

  /**
   * One statement for all: a checkout that exists already (its payment's) stays as it is.
   *
   * @return the checkouts inserted now
   */
  private List<Checkout> insertCheckouts(List<CheckoutRequest> requests) {
    BulkStatement insert =
        BulkStatement.of(
            em,
            "insert into billing.sandbox_checkout (id, payment_ref, account_ref, description,"
                + " amount_minor, currency, payment_intent) values "
                + NativeParameters.rows(requests.size(), 7)
                + " on conflict (payment_ref) do nothing returning "
                + CHECKOUT_COLUMNS);
    for (CheckoutRequest request : requests) {
      insert.bind(
          "cs_sandbox_" + hex(request.paymentId()),
          request.paymentId(),
          request.accountId(),
          truncate(request.description(), 512),
          Money.toMinorUnits(request.amount(), request.currency()),
          request.currency(),
          intentId(request.paymentId()));
    }
    return insert.getResultList().stream().map(SandboxStore::checkout).toList();
  }

  /**
   * A group of renewals at once, in one transaction: for each, what {@link #openCheckout} and then
   * {@link #attempt} with the viewer's saved card do (no attempt without a saved card), with the
   * same statements; the rows are read back in two queries for the whole group.
   *
   * @return in the requests' order
   */
  public List<OffSessionCharge> chargeSaved(List<CheckoutRequest> requests) {
    Map<UUID, TestCard> cards =
        savedCards.of(requests.stream().map(CheckoutRequest::accountId).distinct().toList());
    Map<UUID, Checkout> checkouts = byRef(insertCheckouts(requests), Checkout::paymentRef);
    List<Attempt> attempts = new ArrayList<>();
    for (CheckoutRequest request : requests) {
      TestCard card = cards.get(request.accountId());
      if (card != null) {
        attempts.add(
            new Attempt(
                request.paymentId(),
                request.accountId(),
                Money.toMinorUnits(request.amount(), request.currency()),
                request.currency(),
                Optional.of(card)));
      }
    }
    Map<UUID, Intent> intents =
        attempts.isEmpty() ? new HashMap<>() : byRef(insertAttempts(attempts), Intent::paymentRef);
    // Asked again (a retried group): the rows that were there already, read.
    List<UUID> refs = requests.stream().map(CheckoutRequest::paymentId).toList();
    readTheRest(checkouts, refs, this::checkouts, Checkout::paymentRef);
    readTheRest(intents, refs, this::intents, Intent::paymentRef);
    return requests.stream()
        .map(
            request ->
                new OffSessionCharge(
                    checkouts.get(request.paymentId()),
                    Optional.ofNullable(cards.get(request.accountId())),
                    Optional.ofNullable(intents.get(request.paymentId()))))
        .toList();
  }

  public Optional<Checkout> checkout(String sessionId) {
    return checkouts("where id = ?", sessionId, false).stream().findFirst();
  }

  public Optional<Checkout> checkoutOf(UUID paymentRef) {
    return checkouts("where payment_ref = ?", paymentRef, false).stream().findFirst();
  }

  /** The checkout, its row locked until the transaction ends (one card attempt at a time). */
  public Optional<Checkout> lockCheckout(String sessionId) {
    return checkouts("where id = ?", sessionId, true).stream().findFirst();
  }

  public Optional<Intent> intentOf(UUID paymentRef) {
    return intents("where payment_ref = ?", paymentRef, false).stream().findFirst();
  }

  /**
   * Records a card attempt on the payment's charge: its result replaces the last one's. A charge
   * that succeeded stays so.
   */
  public Intent attempt(
      UUID paymentRef,
      UUID accountRef,
      long amountMinor,
      String currency,
      Optional<TestCard> card) {
    return insertAttempts(List.of(new Attempt(paymentRef, accountRef, amountMinor, currency, card)))
        .stream()
        .findFirst()
        .or(() -> intentOf(paymentRef))
        .orElseThrow();
  }

  /**
   * One statement for all, each for a different payment.
   *
   * @return the charges changed now (not those that had succeeded before)
   */
  private List<Intent> insertAttempts(List<Attempt> attempts) {
    BulkStatement insert =
        BulkStatement.of(
            em,
            "insert into billing.sandbox_intent (id, payment_ref, account_ref, amount_minor,"
                + " currency, status, error_code, decline_code, error_message) values "
                + NativeParameters.rows(attempts.size(), 9)
                + " on conflict (payment_ref) do update set"
                + " status = excluded.status, error_code = excluded.error_code,"
                + " decline_code = excluded.decline_code, error_message = excluded.error_message,"
                + " updated_at = now() where billing.sandbox_intent.status <> 'succeeded'"
                + " returning "
                + INTENT_COLUMNS);
    for (Attempt attempt : attempts) {
      Optional<TestCard> card = attempt.card();
      boolean pays = card.map(TestCard::succeeds).orElse(false);
      insert.bind(
          intentId(attempt.paymentRef()),
          attempt.paymentRef(),
          attempt.accountRef(),
          attempt.amountMinor(),
          attempt.currency(),
          pays ? "succeeded" : "requires_payment_method",
          pays ? null : card.map(TestCard::code).orElse(TestCard.INCORRECT_NUMBER),
          pays ? null : card.map(TestCard::declineCode).orElse(null),
          pays ? null : card.map(TestCard::message).orElse(TestCard.INCORRECT_NUMBER_MESSAGE));
    }
    return insert.getResultList().stream().map(SandboxStore::intent).toList();
  }

  private record Attempt(
      UUID paymentRef,
      UUID accountRef,
      long amountMinor,
      String currency,
      Optional<TestCard> card) {}

  /** The checkout page took the money: it is complete and takes no more. */
  public void complete(String sessionId) {
    em.createNativeQuery(
            "update billing.sandbox_checkout set status = 'complete', updated_at = now()"
                + " where id = ? and status = 'open'")
        .setParameter(1, sessionId)
        .executeUpdate();
  }

  /**
   * Closes the payment's checkout page (it refuses cards from now on) and cancels its charge unless
   * the charge succeeded.
   *
   * @return the checkout as it is now; empty when the payment never had one
   */
  public Optional<Checkout> expire(UUID paymentRef) {
    Optional<Checkout> checkout =
        checkouts("where payment_ref = ?", paymentRef, true).stream().findFirst();
    boolean paid = intentOf(paymentRef).map(Intent::succeeded).orElse(false);
    if (checkout.isPresent() && checkout.get().open() && !paid) {
      em.createNativeQuery(
              "update billing.sandbox_checkout set status = 'expired', updated_at = now()"
                  + " where id = ?")
          .setParameter(1, checkout.get().id())
          .executeUpdate();
    }
    if (!paid) {
      em.createNativeQuery(
              "update billing.sandbox_intent set status = 'canceled', updated_at = now()"
                  + " where payment_ref = ?")
          .setParameter(1, paymentRef)
          .executeUpdate();
    }
    return checkoutOf(paymentRef);
  }

  /**
   * Refunds {@code amountMinor} of the payment's charge once per {@code idempotencyKey}: asked
   * again, it answers with the refund made the first time.
   *
   * @throws GatewayException refused: no charge that succeeded, or more than is left on it
   */
  public RefundMade refund(String idempotencyKey, UUID paymentRef, long amountMinor) {
    List<Intent> locked = intents("where payment_ref = ?", paymentRef, true);
    if (locked.isEmpty() || !locked.get(0).succeeded()) {
      throw GatewayException.refused("No succeeded charge to refund for " + paymentRef, null);
    }
    Intent intent = locked.get(0);
    List<?> made =
        em.createNativeQuery("select id from billing.sandbox_refund where idempotency_key = ?")
            .setParameter(1, idempotencyKey)
            .getResultList();
    if (!made.isEmpty()) {
      return new RefundMade((String) made.get(0), refundedMinor(intent.id()));
    }
    long left = intent.amountMinor() - refundedMinor(intent.id());
    if (amountMinor <= 0 || amountMinor > left) {
      throw GatewayException.refused(
          "Refund amount ("
              + amountMinor
              + ") is greater than unrefunded amount on charge ("
              + left
              + ")",
          null);
    }
    String id = "re_sandbox_" + UUID.randomUUID().toString().replace("-", "");
    em.createNativeQuery(
            "insert into billing.sandbox_refund (id, idempotency_key, intent_id, amount_minor)"
                + " values (?, ?, ?, ?)")
        .setParameter(1, id)
        .setParameter(2, idempotencyKey)
        .setParameter(3, intent.id())
        .setParameter(4, amountMinor)
        .executeUpdate();
    return new RefundMade(id, refundedMinor(intent.id()));
  }

  private long refundedMinor(String intentId) {
    return ((Number)
            em.createNativeQuery(
                    "select coalesce(sum(amount_minor), 0) from billing.sandbox_refund"
                        + " where intent_id = ?")
                .setParameter(1, intentId)
                .getSingleResult())
        .longValue();
  }

  private List<Checkout> checkouts(String where, Object key, boolean lock) {
    return checkouts(where, List.of(key), lock);
  }

  private List<Checkout> checkouts(String where, List<?> keys, boolean lock) {
    List<?> rows =
        parameters(
                em.createNativeQuery(
                    "select "
                        + CHECKOUT_COLUMNS
                        + " from billing.sandbox_checkout "
                        + where
                        + (lock ? " for update" : "")),
                keys)
            .getResultList();
    return rows.stream().map(Object[].class::cast).map(SandboxStore::checkout).toList();
  }

  private static Checkout checkout(Object[] r) {
    return new Checkout(
        (String) r[0],
        (UUID) r[1],
        (UUID) r[2],
        (String) r[3],
        ((Number) r[4]).longValue(),
        ((String) r[5]).strip(),
        (String) r[6],
        (String) r[7]);
  }

  private List<Intent> intents(String where, Object key, boolean lock) {
    return intents(where, List.of(key), lock);
  }

  private List<Intent> intents(String where, List<?> keys, boolean lock) {
    List<?> rows =
        parameters(
                em.createNativeQuery(
                    "select "
                        + INTENT_COLUMNS
                        + " from billing.sandbox_intent "
                        + where
                        + (lock ? " for update" : "")),
                keys)
            .getResultList();
    return rows.stream().map(Object[].class::cast).map(SandboxStore::intent).toList();
  }

  private static Intent intent(Object[] r) {
    return new Intent(
        (String) r[0],
        (UUID) r[1],
        (UUID) r[2],
        ((Number) r[3]).longValue(),
        ((String) r[4]).strip(),
        (String) r[5],
        (String) r[6],
        (String) r[7],
        (String) r[8]);
  }

  private static Query parameters(Query query, List<?> values) {
    NativeParameters.bind(query, 1, values);
    return query;
  }

  /** Adds to {@code found} the rows of the {@code refs} it lacks, read with {@code read}. */
  private static <T> void readTheRest(
      Map<UUID, T> found, List<UUID> refs, RowReader<T> read, Function<T, UUID> ref) {
    List<UUID> rest = refs.stream().filter(key -> !found.containsKey(key)).toList();
    if (!rest.isEmpty()) {
      found.putAll(
          byRef(
              read.rows(
                  "where payment_ref in " + NativeParameters.placeholders(rest.size()),
                  rest,
                  false),
              ref));
    }
  }

  @FunctionalInterface
  private interface RowReader<T> {
    List<T> rows(String where, List<?> keys, boolean lock);
  }

  private static <T> Map<UUID, T> byRef(Collection<T> rows, Function<T, UUID> ref) {
    return rows.stream()
        .collect(Collectors.toMap(ref, Function.identity(), (a, b) -> a, HashMap::new));
  }

  /** The charge of a payment: one per payment, as one Checkout Session has one PaymentIntent. */
  static String intentId(UUID paymentRef) {
    return "pi_sandbox_" + hex(paymentRef);
  }

  private static String hex(UUID id) {
    return id.toString().replace("-", "");
  }

  private static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }
}
