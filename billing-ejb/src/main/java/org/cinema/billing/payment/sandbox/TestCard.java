package org.cinema.billing.payment.sandbox;

import java.util.Arrays;
import java.util.Optional;

/** Stripe's test cards the sandbox knows; any other number is refused as Stripe test mode does. */
public enum TestCard {
  SUCCEEDS("4242424242424242", null, null, null),
  DECLINED("4000000000000002", "card_declined", "generic_decline", "Your card was declined."),
  INSUFFICIENT_FUNDS(
      "4000000000009995",
      "card_declined",
      "insufficient_funds",
      "Your card has insufficient funds.");

  private final String number;
  private final String code;
  private final String declineCode;
  private final String message;

  TestCard(String number, String code, String declineCode, String message) {
    this.number = number;
    this.code = code;
    this.declineCode = declineCode;
    this.message = message;
  }

  /** The card with this number, spaces ignored. */
  public static Optional<TestCard> byNumber(String number) {
    String digits = number.replace(" ", "");
    return Arrays.stream(values()).filter(card -> card.number.equals(digits)).findFirst();
  }

  public boolean succeeds() {
    return code == null;
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
