package org.cinema.billing.payment.sandbox;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The sandbox's card pages (table {@code sandbox_setup_session}), its Checkout Sessions in setup
 * mode: each saves one card for an account and charges nothing. A page is open until a card is
 * saved on it (complete) or a day has passed (expired, as Stripe's sessions do); its times are the
 * database's, as the sandbox's other records are.
 */
@Stateless
public class SetupSessions {

  private static final String PREFIX = "cs_sandbox_setup_";

  private static final Pattern ID = Pattern.compile(Pattern.quote(PREFIX) + "[0-9a-f]{32}");

  private static final String COLUMNS =
      "id, account_ref, case when status = 'open' and expires_at <= now() then 'expired'"
          + " else status end";

  @PersistenceContext private EntityManager em;

  /** A card page and what became of it. */
  public record SetupSession(String id, UUID accountRef, String status) {

    public boolean open() {
      return "open".equals(status);
    }

    /** The sandbox's record of the saving, as Stripe's SetupIntent behind a session. */
    public String setupIntentId() {
      return id.replace(PREFIX, "seti_sandbox_");
    }
  }

  /** Whether {@code sessionId} names a card page (rather than a payment's checkout). */
  public static boolean isSetup(String sessionId) {
    return ID.matcher(sessionId).matches();
  }

  /** Opens the card page of this request, or finds it again: one per {@code setupId}. */
  public SetupSession open(UUID setupId, UUID accountRef) {
    String id = PREFIX + setupId.toString().replace("-", "");
    em.createNativeQuery(
            "insert into billing.sandbox_setup_session (id, account_ref) values (?, ?)"
                + " on conflict (id) do nothing")
        .setParameter(1, id)
        .setParameter(2, accountRef)
        .executeUpdate();
    return find(id, false).orElseThrow();
  }

  public Optional<SetupSession> find(String id) {
    return find(id, false);
  }

  /** The page, its row locked until the transaction ends (one card at a time). */
  public Optional<SetupSession> lock(String id) {
    return find(id, true);
  }

  /** A card was saved on the page: it takes no other. */
  public void complete(String id) {
    em.createNativeQuery(
            "update billing.sandbox_setup_session set status = 'complete', updated_at = now()"
                + " where id = ? and status = 'open'")
        .setParameter(1, id)
        .executeUpdate();
  }

  private Optional<SetupSession> find(String id, boolean lock) {
    List<?> rows =
        em.createNativeQuery(
                "select "
                    + COLUMNS
                    + " from billing.sandbox_setup_session where id = ?"
                    + (lock ? " for update" : ""))
            .setParameter(1, id)
            .getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .map(r -> new SetupSession((String) r[0], (UUID) r[1], (String) r[2]))
        .findFirst();
  }
}
