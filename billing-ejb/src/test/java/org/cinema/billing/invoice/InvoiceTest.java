package org.cinema.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvoiceTest {

  private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

  @Test
  void anInvoiceIsPaidOnceAndAPaidOneIsNeverVoided() {
    Invoice invoice = open();

    assertThat(invoice.pay(T0, T0, T0.plusSeconds(86_400))).isTrue();
    assertThat(invoice.pay(T0.plusSeconds(5), T0, T0.plusSeconds(86_400))).isFalse();
    assertThat(invoice.paidAt()).isEqualTo(T0);
    assertThat(invoice.voidUnpaid()).isFalse();
    assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
  }

  @Test
  void aVoidInvoiceTakesNoMoney() {
    Invoice invoice = open();

    assertThat(invoice.voidUnpaid()).isTrue();
    assertThat(invoice.isOpen()).isFalse();
    assertThat(invoice.pay(T0, T0, T0.plusSeconds(86_400))).isFalse();
    assertThat(invoice.status()).isEqualTo(InvoiceStatus.VOID);
  }

  @Test
  void anUncollectibleInvoiceMayStillBePaidOrVoided() {
    assertThat(InvoiceStatus.UNCOLLECTIBLE.next())
        .containsExactlyInAnyOrder(InvoiceStatus.PAID, InvoiceStatus.VOID);
    assertThat(InvoiceStatus.PAID.next()).isEmpty();
  }

  private static Invoice open() {
    return Invoice.open(
        UUID.randomUUID(),
        UUID.randomUUID(),
        new BigDecimal("49.00"),
        "RUB",
        T0,
        T0.plusSeconds(86_400));
  }
}
