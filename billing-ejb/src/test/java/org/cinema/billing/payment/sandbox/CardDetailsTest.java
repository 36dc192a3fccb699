package org.cinema.billing.payment.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.cinema.billing.error.BillingException;
import org.junit.jupiter.api.Test;

class CardDetailsTest {

  private static final Clock MAY_2030 =
      Clock.fixed(Instant.parse("2030-05-31T23:30:00Z"), ZoneOffset.UTC);

  @Test
  void aTwoDigitYearIsThisCenturys() {
    assertThat(new CardDetails("4242", 12, 34, "123").expiry()).isEqualTo(YearMonth.of(2034, 12));
    assertThat(new CardDetails("4242", 1, 2034, "123").expiry()).isEqualTo(YearMonth.of(2034, 1));
  }

  @Test
  void aCardIsGoodThroughItsLastMonthInUtc() {
    assertThatCode(() -> new CardDetails("4242", 5, 30, "123").requireUnexpired(MAY_2030))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> new CardDetails("4242", 4, 2030, "123").requireUnexpired(MAY_2030))
        .isInstanceOf(BillingException.class)
        .hasMessage("The card has expired");
  }
}
