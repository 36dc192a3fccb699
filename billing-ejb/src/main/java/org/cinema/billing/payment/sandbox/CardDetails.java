package org.cinema.billing.payment.sandbox;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.cinema.billing.error.BillingException;
import org.cinema.common.error.ErrorCode;

/** What the checkout form sends; shape-checked at the API's edge. */
public record CardDetails(String number, int expMonth, int expYear, String cvc) {

  /** The last month the card is good for; a two-digit year is this century's. */
  public YearMonth expiry() {
    return YearMonth.of(expYear < 100 ? 2000 + expYear : expYear, expMonth);
  }

  /**
   * @throws BillingException INVALID_INPUT when the card expired before this month (UTC)
   */
  public void requireUnexpired(Clock clock) {
    if (expiry().isBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
      throw new BillingException(ErrorCode.INVALID_INPUT, "The card has expired");
    }
  }
}
