package org.cinema.billing.subscription;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.cinema.billing.account.Account;
import org.cinema.billing.account.AccountService;
import org.cinema.billing.error.BillingException;
import org.cinema.billing.payment.gateway.ActiveGateway;
import org.cinema.billing.payment.gateway.CardSetupRequest;
import org.cinema.billing.payment.gateway.GatewayException;
import org.cinema.common.error.ErrorCode;

/**
 * Replacing the card renewals charge: the provider opens a page where the viewer saves a card and
 * nothing is charged (Stripe: a Checkout Session in setup mode). The next renewal charges the card
 * saved there; until a card is saved, the one saved before stays. Asked outside any transaction: a
 * slow provider holds no locks, and nothing of ours changes until the provider reports the card.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PaymentMethodService {

  @PersistenceContext private EntityManager em;

  @Inject private AccountService accounts;

  @Inject private ActiveGateway gateway;

  /**
   * A new page for the viewer to save a card on.
   *
   * @return the page's URL
   * @throws BillingException ACCOUNT_NOT_FOUND; PROVIDER_UNAVAILABLE when the provider did not open
   *     one
   */
  public String openCardPage(UUID accountId, URI apiBase) {
    Account account = accounts.getById(accountId);
    try {
      return gateway
          .get()
          .openCardSetup(
              new CardSetupRequest(
                  UUID.randomUUID(),
                  account.id(),
                  account.email(),
                  account.fullName(),
                  latestCurrency(accountId),
                  apiBase));
    } catch (GatewayException e) {
      throw new BillingException(
          ErrorCode.PROVIDER_UNAVAILABLE,
          "The payment provider did not open a page to save a card; try again: " + e.getMessage());
    }
  }

  /** The currency renewals will charge the card in: that of the viewer's latest subscription. */
  private Optional<String> latestCurrency(UUID accountId) {
    return em.createQuery(
            "select s.currency from Subscription s where s.accountId = :account"
                + " order by s.createdAt desc",
            String.class)
        .setParameter("account", accountId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }
}
