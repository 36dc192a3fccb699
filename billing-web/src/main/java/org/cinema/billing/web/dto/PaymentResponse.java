package org.cinema.billing.web.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.cinema.billing.payment.Payment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A payment after a change (a refund). */
public record PaymentResponse(
    UUID id,
    String status,
    BigDecimal amount,
    @JsonbProperty("refunded_amount") @Schema(name = "refunded_amount") BigDecimal refundedAmount,
    String currency,
    @JsonbProperty("pay_date") @Schema(name = "pay_date", ref = "Instant") Instant payDate) {

  public static PaymentResponse of(Payment payment) {
    return new PaymentResponse(
        payment.id(),
        payment.status().name(),
        payment.amount(),
        payment.refundedAmount(),
        payment.currency(),
        payment.paidAt());
  }
}
