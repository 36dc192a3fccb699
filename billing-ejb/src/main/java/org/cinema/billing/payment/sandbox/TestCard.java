package org.cinema.billing.payment.sandbox;

import java.util.Arrays;
import java.util.Optional;

/**
 * Stripe's test cards the sandbox knows; any other number is refused as Stripe test mode does. A
 * card that is declined is declined on a card page too (Stripe checks it when saving), except 4000
 * 0000 0000 0341: it saves, and every charge on it fails.
 */
public enum TestCard {
  SUCCEEDS("4242424242424242", true, null, null, null),
  DECLINED(
      "4000000000000002", false, "card_declined", "generic_decline", "Your card was declined."),
  INSUFFICIENT_FUNDS(
      "4000000000009995",
      false,
      "card_declined",
      "insufficient_funds",
      "Your card has insufficient funds."),
  DECLINED_AFTER_SAVING(
      "4000000000000341", true, "card_declined", "generic_decline", "Your card was declined.");

  /** Stripe's refusal of a number that is none of its test cards. */
  public static final String INCORRECT_NUMBER = "incorrect_number";

  public static final String INCORRECT_NUMBER_MESSAGE = "Your card number is incorrect.";

  private final String number;
  private final boolean saves;
  private final String code;
  private final String declineCode;
  private final String message;

  TestCard(String number, boolean saves, String code, String declineCode, String message) {
    this.number = number;
    this.saves = saves;
    this.code = code;
    this.declineCode = declineCode;
    this.message = message;
  }

  /** The card with this number, spaces ignored. */
  public static Optional<TestCard> byNumber(String number) {
    String digits = number.replace(" ", "");
    return Arrays.stream(values()).filter(card -> card.number.equals(digits)).findFirst();
  }

  /** Whether a charge on it succeeds. */
  public boolean succeeds() {
    return code == null;
  }

  /** Whether a card page (setup mode) saves it for later charges. */
  public boolean saves() {
    return saves;
  }

  public String number() {
    return number;
  }

  public String code() {
    return code;
  }

  public String declineCode() {
    return declineCode;
  }

  public String message() {
    return message;
  }
}
