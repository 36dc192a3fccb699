package org.cinema.billing.web.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.cinema.billing.payment.Refund;
import org.cinema.billing.platform.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One refund of a payment: how much, why, and what the provider made of it. */
public record RefundResponse(
    UUID id,
    BigDecimal amount,
    String currency,
    @Schema(description = "PENDING (asked, outcome not known yet), SUCCEEDED or FAILED")
        String status,
    String reason,
    @Schema(description = "How many times the provider was asked, always with the same key")
        int attempts,
    @JsonbProperty("provider_refund_id") @Schema(name = "provider_refund_id")
        String providerRefundId,
    @JsonbProperty("failure_reason") @Schema(name = "failure_reason") String failureReason,
    @JsonbProperty("created_at") @Schema(name = "created_at", ref = "Instant") Instant createdAt) {

  public static RefundResponse of(Refund refund) {
    return new RefundResponse(
        refund.id(),
        Money.inCurrency(refund.amount(), refund.currency()),
        refund.currency(),
        refund.status().name(),
        refund.reason(),
        refund.attempts(),
        refund.providerRefundId(),
        refund.failureReason(),
        refund.createdAt());
  }
}
