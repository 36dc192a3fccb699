package org.cinema.billing.account;

import org.cinema.billing.error.BillingException;
import org.cinema.common.error.ErrorCode;

/** Login refused for now: too many failures for the account or the address. */
public class TooManyAttempts extends BillingException {

  private final long retryAfterSeconds;

  public TooManyAttempts(long retryAfterSeconds) {
    super(
        ErrorCode.TOO_MANY_ATTEMPTS,
        "Too many failed logins: try again in " + retryAfterSeconds + " seconds");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** How long until logins are accepted again. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
