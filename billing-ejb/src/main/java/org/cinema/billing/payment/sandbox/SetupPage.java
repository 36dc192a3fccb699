package org.cinema.billing.payment.sandbox;

import java.util.Optional;

/**
 * What the sandbox's card page (a checkout in setup mode) shows.
 *
 * @param status {@code open}, {@code complete} (a card was saved) or {@code expired}
 * @param outcome what the card just tried did, if one was
 * @param refused whether that card was refused (not saved)
 */
public record SetupPage(
    String sessionId, String status, Optional<String> outcome, boolean refused) {

  /** Whether a card may still be saved here. */
  public boolean open() {
    return "open".equals(status);
  }
}
