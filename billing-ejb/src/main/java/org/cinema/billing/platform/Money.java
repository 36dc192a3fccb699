package org.cinema.billing.platform;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import org.cinema.billing.error.BillingException;
import org.cinema.common.error.ErrorCode;

/**
 * Amounts in their currency: how many decimals an ISO 4217 currency has (JPY 0, RUB and EUR 2, KWD
 * 3), whether an amount fits it, and the minor units providers count in. Nothing here rounds: an
 * amount that does not fit its currency is refused, never cut.
 */
public final class Money {

  private Money() {}

  /** The currency's decimals; empty when the code is not an ISO 4217 currency. */
  public static Optional<Integer> fractionDigits(String currency) {
    if (currency == null || !currency.strip().matches("[A-Za-z]{3}")) {
      return Optional.empty();
    }
    try {
      int digits = Currency.getInstance(currency.strip().toUpperCase()).getDefaultFractionDigits();
      return Optional.of(Math.max(digits, 0));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code amount} has no more decimals than {@code currency} allows. */
  public static boolean fits(BigDecimal amount, String currency) {
    return fractionDigits(currency)
        .map(digits -> amount.stripTrailingZeros().scale() <= digits)
        .orElse(false);
  }

  /**
   * Checks an amount given from outside (a refund): positive and no finer than its currency.
   *
   * @throws BillingException INVALID_INPUT, saying which rule it breaks
   */
  public static BigDecimal requirePositiveIn(String field, BigDecimal amount, String currency) {
    if (amount.signum() <= 0) {
      throw new BillingException(ErrorCode.INVALID_INPUT, field + ": must be more than 0");
    }
    int digits =
        fractionDigits(currency)
            .orElseThrow(
                () ->
                    new BillingException(
                        ErrorCode.INVALID_INPUT, "Not an ISO 4217 currency: " + currency));
    if (!fits(amount, currency)) {
      throw new BillingException(
          ErrorCode.INVALID_INPUT,
          field
              + ": "
              + currency.toUpperCase()
              + (digits == 0
                  ? " has no minor unit; give a whole amount, not "
                  : " has " + digits + " decimal" + (digits == 1 ? "" : "s") + ", not ")
              + amount.toPlainString());
    }
    return amount;
  }

  /** The amount written with exactly its currency's decimals (299.000 RUB as 299.00). */
  public static BigDecimal inCurrency(BigDecimal amount, String currency) {
    return amount == null ? null : fractionDigits(currency).map(amount::setScale).orElse(amount);
  }

  /** An amount to minor units, exactly: 299.00 RUB is 29900 kopecks. */
  public static long toMinorUnits(BigDecimal amount, String currency) {
    return amount.movePointRight(digitsOf(currency)).longValueExact();
  }

  /** Minor units (what providers send) to an amount: 29900 RUB kopecks to 299.00. */
  public static BigDecimal fromMinorUnits(long minor, String currency) {
    return BigDecimal.valueOf(minor, digitsOf(currency));
  }

  private static int digitsOf(String currency) {
    return fractionDigits(currency)
        .orElseThrow(() -> new IllegalArgumentException("Not an ISO 4217 currency: " + currency));
  }
}
