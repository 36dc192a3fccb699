package org.cinema.billing.payment.sandbox;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What the hosted checkout page shows.
 *
 * @param status the sandbox's status of the page: {@code open}, {@code complete} or {@code expired}
 * @param outcome what the last card attempt on this page did, if one was just made
 */
public record CheckoutPage(
    String sessionId,
    String description,
    BigDecimal amount,
    String currency,
    String status,
    Optional<String> outcome) {

  /** Whether a card may still be tried here. */
  public boolean open() {
    return "open".equals(status);
  }
}
