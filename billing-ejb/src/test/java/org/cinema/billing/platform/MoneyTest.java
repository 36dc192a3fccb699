package org.cinema.billing.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.cinema.billing.error.BillingException;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void currenciesHaveTheirOwnDecimals() {
    assertThat(Money.fractionDigits("JPY")).contains(0);
    assertThat(Money.fractionDigits("rub")).contains(2);
    assertThat(Money.fractionDigits("KWD")).contains(3);
    assertThat(Money.fractionDigits("XYZ")).isEmpty();
    assertThat(Money.fractionDigits("R1B")).isEmpty();
  }

  @Test
  void anAmountFitsWhenItHasNoMoreDecimalsThanItsCurrency() {
    assertThat(Money.fits(new BigDecimal("100"), "JPY")).isTrue();
    assertThat(Money.fits(new BigDecimal("100.00"), "JPY")).as("trailing zeros").isTrue();
    assertThat(Money.fits(new BigDecimal("100.5"), "JPY")).isFalse();
    assertThat(Money.fits(new BigDecimal("1.99"), "EUR")).isTrue();
    assertThat(Money.fits(new BigDecimal("1.999"), "EUR")).isFalse();
    assertThat(Money.fits(new BigDecimal("1.999"), "KWD")).isTrue();
    assertThat(Money.fits(new BigDecimal("1.9999"), "KWD")).isFalse();
  }

  @Test
  void anAmountThatDoesNotFitIsRefusedNeverRounded() {
    assertThatThrownBy(() -> Money.requirePositiveIn("amount", new BigDecimal("0.5"), "JPY"))
        .isInstanceOf(BillingException.class)
        .hasMessage("amount: JPY has no minor unit; give a whole amount, not 0.5");
    assertThatThrownBy(() -> Money.requirePositiveIn("amount", new BigDecimal("1.005"), "EUR"))
        .hasMessage("amount: EUR has 2 decimals, not 1.005");
    assertThatThrownBy(() -> Money.requirePositiveIn("amount", BigDecimal.ZERO, "EUR"))
        .hasMessage("amount: must be more than 0");
    assertThatThrownBy(() -> Money.toMinorUnits(new BigDecimal("1.005"), "EUR"))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void minorUnitsFollowTheCurrency() {
    assertThat(Money.toMinorUnits(new BigDecimal("299.00"), "RUB")).isEqualTo(29_900);
    assertThat(Money.toMinorUnits(new BigDecimal("1500"), "JPY")).isEqualTo(1_500);
    assertThat(Money.toMinorUnits(new BigDecimal("1.005"), "KWD")).isEqualTo(1_005);
    assertThat(Money.fromMinorUnits(1_999, "usd")).isEqualByComparingTo("19.99");
    assertThat(Money.inCurrency(new BigDecimal("299.000"), "RUB")).hasToString("299.00");
  }
}
