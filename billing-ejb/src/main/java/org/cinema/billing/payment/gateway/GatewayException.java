package org.cinema.billing.payment.gateway;

/**
 * A provider call that did not do what was asked. Either the provider refused it (nothing happened
 * there), or its outcome is unknown: a timeout or a lost connection may hide a call that went
 * through, so the caller must not treat it as failed but ask again with the same idempotency key.
 */
public class GatewayException extends RuntimeException {

  private final boolean outcomeUnknown;

  protected GatewayException(String message, Throwable cause, boolean outcomeUnknown) {
    super(message, cause);
    this.outcomeUnknown = outcomeUnknown;
  }

  /** The provider answered and refused: nothing was done there. */
  public static GatewayException refused(String message, Throwable cause) {
    return new GatewayException(message, cause, false);
  }

  /** No answer in time, or no answer at all: the call may or may not have gone through. */
  public static GatewayException unknown(String message, Throwable cause) {
    return new GatewayException(message, cause, true);
  }

  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }
}
