package org.cinema.billing.payment.sandbox;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.cinema.billing.error.BillingException;
import org.cinema.billing.payment.sandbox.SetupSessions.SetupSession;
import org.cinema.common.error.ErrorCode;

/**
 * The sandbox's card page, its Checkout Session in setup mode: a test card that Stripe would save
 * becomes the account's saved card, which renewals charge; nothing is charged, and no charge is
 * recorded. Like Stripe it reports {@code checkout.session.completed} (mode setup) once that is
 * committed. A card Stripe would refuse (a declining test card, any other number) saves nothing.
 */
@Stateless
public class SandboxCardSetup {

  static final String SAVED =
      "Card saved. Renewals are charged to it from now on; nothing was charged now.";

  @Inject private SetupSessions sessions;

  @Inject private SavedCards savedCards;

  @Inject private SandboxWebhooks webhooks;

  @Inject private Clock clock;

  public SetupPage page(String sessionId) {
    return page(session(sessions.find(sessionId)), Optional.empty(), false);
  }

  /**
   * Saves a card on the page, replacing the account's saved card.
   *
   * @throws BillingException CHECKOUT_CLOSED when a card was saved here already or the page
   *     expired; INVALID_INPUT when the card has expired
   */
  public SetupPage save(String sessionId, CardDetails card, URI apiBase) {
    SetupSession session = session(sessions.lock(sessionId));
    if (!session.open()) {
      throw new BillingException(
          ErrorCode.CHECKOUT_CLOSED, "This card page is closed: it is " + session.status());
    }
    card.requireUnexpired(clock);
    Optional<TestCard> testCard = TestCard.byNumber(card.number()).filter(TestCard::saves);
    if (testCard.isEmpty()) {
      String refusal =
          TestCard.byNumber(card.number())
              .map(TestCard::message)
              .orElse(TestCard.INCORRECT_NUMBER_MESSAGE);
      return page(session, Optional.of(refusal), true);
    }
    sessions.complete(sessionId);
    savedCards.save(session.accountRef(), testCard.get().number());
    SetupSession saved = session(sessions.find(sessionId));
    webhooks.send("checkout.session.completed", SandboxObjects.setupSession(saved), apiBase);
    return page(saved, Optional.of(SAVED), false);
  }

  private static SetupSession session(Optional<SetupSession> found) {
    return found.orElseThrow(
        () -> new BillingException(ErrorCode.CHECKOUT_NOT_FOUND, "No such checkout"));
  }

  private static SetupPage page(SetupSession session, Optional<String> outcome, boolean refused) {
    return new SetupPage(session.id(), session.status(), outcome, refused);
  }
}
