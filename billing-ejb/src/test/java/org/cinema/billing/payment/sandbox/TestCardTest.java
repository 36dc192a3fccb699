package org.cinema.billing.payment.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestCardTest {

  @Test
  void theCardThatSavesButDeclinesIsDeclinedAsStripeDeclinesIt() {
    TestCard card = TestCard.byNumber("4000 0000 0000 0341").orElseThrow();

    assertThat(card.saves()).as("a card page saves it").isTrue();
    assertThat(card.succeeds()).as("every charge on it fails").isFalse();
    assertThat(card.code()).isEqualTo("card_declined");
    assertThat(card.declineCode()).isEqualTo("generic_decline");
    assertThat(card.message()).isEqualTo("Your card was declined.");
  }

  @Test
  void aCardThatIsDeclinedIsNotSavedEither() {
    assertThat(TestCard.DECLINED.saves()).isFalse();
    assertThat(TestCard.INSUFFICIENT_FUNDS.saves()).isFalse();
    assertThat(TestCard.SUCCEEDS.saves()).isTrue();
    assertThat(TestCard.SUCCEEDS.succeeds()).isTrue();
  }

  @Test
  void numbersAreReadWithoutSpacesAndUnknownOnesAreNoTestCard() {
    assertThat(TestCard.byNumber("4242 4242 4242 4242")).contains(TestCard.SUCCEEDS);
    assertThat(TestCard.byNumber("4000000000000002")).contains(TestCard.DECLINED);
    assertThat(TestCard.byNumber("4111 1111 1111 1111")).isEmpty();
    assertThat(TestCard.SUCCEEDS.number())
        .as("the digits a saved card is kept as")
        .isEqualTo("4242424242424242");
  }
}
