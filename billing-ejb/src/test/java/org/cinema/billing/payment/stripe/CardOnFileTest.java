package org.cinema.billing.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.model.PaymentMethod;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CardOnFileTest {

  private static final PaymentMethod PAID_WITH = card("pm_paid", 1_700_000_000L);
  private static final PaymentMethod SAVED_ON_CARD_PAGE = card("pm_setup", 1_700_000_500L);

  @Test
  void theDefaultACardPageSetIsChargedRatherThanAnOlderCard() {
    assertThat(CardOnFile.choose(Optional.of(SAVED_ON_CARD_PAGE), Optional.of(PAID_WITH)))
        .contains(SAVED_ON_CARD_PAGE);
    assertThat(CardOnFile.choose(Optional.of(SAVED_ON_CARD_PAGE), Optional.of(SAVED_ON_CARD_PAGE)))
        .contains(SAVED_ON_CARD_PAGE);
  }

  @Test
  void aCardSavedByPayingAfterTheDefaultWasSetIsCharged() {
    PaymentMethod paidLater = card("pm_later", 1_700_000_900L);

    assertThat(CardOnFile.choose(Optional.of(SAVED_ON_CARD_PAGE), Optional.of(paidLater)))
        .contains(paidLater);
  }

  @Test
  void withoutADefaultTheNewestCardIsCharged() {
    assertThat(CardOnFile.choose(Optional.empty(), Optional.of(PAID_WITH))).contains(PAID_WITH);
    assertThat(CardOnFile.choose(Optional.empty(), Optional.empty())).isEmpty();
  }

  @Test
  void aDefaultWhoseAgeIsUnknownIsCharged() {
    PaymentMethod named = new PaymentMethod();
    named.setId("pm_named");

    assertThat(CardOnFile.choose(Optional.of(named), Optional.of(PAID_WITH))).contains(named);
    assertThat(CardOnFile.choose(Optional.of(named), Optional.empty())).contains(named);
  }

  private static PaymentMethod card(String id, long created) {
    PaymentMethod card = new PaymentMethod();
    card.setId(id);
    card.setType("card");
    card.setCreated(created);
    return card;
  }
}
