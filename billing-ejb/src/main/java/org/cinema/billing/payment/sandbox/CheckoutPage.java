package org.cinema.billing.payment.sandbox;

import java.math.BigDecimal;
import java.util.Optional;
import org.cinema.billing.payment.PaymentStatus;

/**
 * What the hosted checkout page shows.
 *
 * @param outcome what the last card attempt on this page did, if one was just made
 */
public record CheckoutPage(
    String sessionId,
    String description,
    BigDecimal amount,
    String currency,
    PaymentStatus status,
    Optional<String> outcome) {

  /** Whether a card may still be tried here. */
  public boolean open() {
    return status == PaymentStatus.CREATED
        || status == PaymentStatus.PENDING
        || status == PaymentStatus.FAILED;
  }
}
