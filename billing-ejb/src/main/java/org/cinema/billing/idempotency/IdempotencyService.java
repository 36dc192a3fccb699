package org.cinema.billing.idempotency;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Claims and completes idempotency keys. Each call commits on its own (REQUIRES_NEW), so a claim is
 * visible to a concurrent duplicate before the request's work starts; the primary key (account,
 * key) lets only one of them claim it. A key lives {@code IDEMPOTENCY_KEY_HOURS} (24, as Stripe's
 * do); a claim whose request never answered is released after {@code
 * IDEMPOTENCY_CLAIM_TIMEOUT_SECONDS} (300), so a crash does not leave the key answering 409. Times
 * are the database's, so instances whose clocks differ agree on a record's age.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IdempotencyService {

  /** Accounts for requests made before login (register, login). */
  public static final UUID ANONYMOUS = new UUID(0, 0);

  /** The longest method and path a record keeps (the columns' sizes). */
  public static final int MAX_METHOD = 8;

  public static final int MAX_PATH = 1024;

  @PersistenceContext private EntityManager em;

  @Inject
  @ConfigProperty(name = "idempotency.key-hours", defaultValue = "24")
  private long lifetimeHours;

  @Inject
  @ConfigProperty(name = "idempotency.claim-timeout-seconds", defaultValue = "300")
  private long claimTimeoutSeconds;

  /** What to do with a request that carries a key. */
  public sealed interface Claim {}

  /** First use of the key: go ahead, then {@link #complete}. */
  public record Proceed() implements Claim {}

  /** Seen and answered before: send this again. */
  public record Replay(int status, String body) implements Claim {}

  /** The key was used with a different request. */
  public record Mismatch() implements Claim {}

  /** The first request with this key is still running. */
  public record InProgress() implements Claim {}

  /**
   * Claims the key for this request. A record past its lifetime, or a claim left without an answer
   * longer than the claim timeout (its request died with its server), is forgotten first, so the
   * key starts afresh.
   */
  public Claim claim(UUID accountId, String key, String method, String path, String hash) {
    em.createNativeQuery(
            "delete from billing.idempotency_record where account_id = ? and idempotency_key = ?"
                + " and (created_at <= now() - make_interval(hours => ?)"
                + " or (response_status is null and created_at <= now() - make_interval(secs => ?)))")
        .setParameter(1, accountId)
        .setParameter(2, key)
        .setParameter(3, (int) lifetimeHours)
        .setParameter(4, (double) claimTimeoutSeconds)
        .executeUpdate();
    int inserted =
        em.createNativeQuery(
                "insert into billing.idempotency_record (account_id, idempotency_key,"
                    + " request_method, request_path, request_hash)"
                    + " values (?, ?, ?, ?, ?) on conflict do nothing")
            .setParameter(1, accountId)
            .setParameter(2, key)
            .setParameter(3, method)
            .setParameter(4, path)
            .setParameter(5, hash)
            .executeUpdate();
    if (inserted == 1) {
      return new Proceed();
    }
    List<?> rows =
        em.createNativeQuery(
                "select request_method, request_path, request_hash, response_status,"
                    + " response_body from billing.idempotency_record"
                    + " where account_id = ? and idempotency_key = ?")
            .setParameter(1, accountId)
            .setParameter(2, key)
            .getResultList();
    if (rows.isEmpty()) {
      // The record that stood in the way was released or expired just now: ask again.
      return new InProgress();
    }
    Object[] row = (Object[]) rows.get(0);
    boolean same = method.equals(row[0]) && path.equals(row[1]) && hash.equals(row[2]);
    if (!same) {
      return new Mismatch();
    }
    if (row[3] == null) {
      return new InProgress();
    }
    return new Replay(((Number) row[3]).intValue(), (String) row[4]);
  }

  public void complete(UUID accountId, String key, int status, String body) {
    em.createNativeQuery(
            "update billing.idempotency_record set response_status = ?, response_body = ?,"
                + " completed_at = now() where account_id = ? and idempotency_key = ?")
        .setParameter(1, status)
        .setParameter(2, body)
        .setParameter(3, accountId)
        .setParameter(4, key)
        .executeUpdate();
  }

  /**
   * Every ten minutes, deletes the records past their lifetime. Every instance may run it; deleting
   * twice deletes nothing more.
   */
  @Schedule(minute = "*/10", hour = "*", persistent = false)
  public void forgetExpired() {
    em.createNativeQuery(
            "delete from billing.idempotency_record"
                + " where created_at <= now() - make_interval(hours => ?)")
        .setParameter(1, (int) lifetimeHours)
        .executeUpdate();
  }

  /** Forgets a claim whose request failed unexpectedly, so a retry can run it again. */
  public void release(UUID accountId, String key) {
    em.createNativeQuery(
            "delete from billing.idempotency_record where account_id = ? and idempotency_key = ?"
                + " and response_status is null")
        .setParameter(1, accountId)
        .setParameter(2, key)
        .executeUpdate();
  }
}
