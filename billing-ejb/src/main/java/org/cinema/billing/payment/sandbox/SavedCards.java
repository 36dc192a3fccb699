package org.cinema.billing.payment.sandbox;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cinema.billing.platform.NativeParameters;

/**
 * The card each viewer last paid with in the sandbox, kept as Stripe keeps the payment method a
 * Checkout Session saved, so that renewals can charge it without the viewer.
 */
@Stateless
public class SavedCards {

  @PersistenceContext private EntityManager em;

  public void save(UUID accountId, String cardNumber) {
    em.createNativeQuery(
            "insert into billing.sandbox_saved_card (account_id, card_number) values (?, ?)"
                + " on conflict (account_id)"
                + " do update set card_number = excluded.card_number, saved_at = now()")
        .setParameter(1, accountId)
        .setParameter(2, cardNumber.replace(" ", ""))
        .executeUpdate();
  }

  /** The saved cards of these viewers (none for one who has none). */
  public Map<UUID, TestCard> of(List<UUID> accountIds) {
    if (accountIds.isEmpty()) {
      return Map.of();
    }
    Query query =
        em.createNativeQuery(
            "select account_id, card_number from billing.sandbox_saved_card where account_id in "
                + NativeParameters.placeholders(accountIds.size()));
    NativeParameters.bind(query, 1, accountIds);
    Map<UUID, TestCard> cards = new HashMap<>();
    for (Object row : query.getResultList()) {
      Object[] columns = (Object[]) row;
      TestCard.byNumber((String) columns[1]).ifPresent(card -> cards.put((UUID) columns[0], card));
    }
    return cards;
  }

  public Optional<TestCard> of(UUID accountId) {
    return em.createNativeQuery(
            "select card_number from billing.sandbox_saved_card where account_id = ?")
        .setParameter(1, accountId)
        .getResultStream()
        .findFirst()
        .flatMap(number -> TestCard.byNumber((String) number));
  }
}
