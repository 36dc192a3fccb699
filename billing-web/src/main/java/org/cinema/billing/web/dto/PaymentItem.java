package org.cinema.billing.web.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.cinema.billing.payment.StatementLine;
import org.cinema.billing.platform.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A payment in a statement; {@code pay_date} is empty until it is paid. */
public record PaymentItem(
    UUID id,
    String description,
    BigDecimal amount,
    String currency,
    @JsonbProperty("pay_date") @Schema(name = "pay_date", ref = "Instant") Instant payDate,
    String status,
    @JsonbProperty("refunded_amount") @Schema(name = "refunded_amount") BigDecimal refundedAmount,
    @JsonbProperty("created_at") @Schema(name = "created_at", ref = "Instant") Instant createdAt,
    @JsonbProperty("account_id") @Schema(name = "account_id", ref = "UUID") UUID accountId,
    @JsonbProperty("failure_code") @Schema(name = "failure_code") String failureCode,
    @JsonbProperty("failure_message") @Schema(name = "failure_message") String failureMessage,
    @JsonbProperty("review_reason")
        @Schema(
            name = "review_reason",
            description =
                "Why the payment is flagged for review (money that did not match what was asked,"
                    + " or came for something that could no longer take it); absent otherwise")
        String reviewReason) {

  public static PaymentItem of(StatementLine line) {
    return new PaymentItem(
        line.id(),
        line.description(),
        line.amount(),
        line.currency(),
        line.payDate(),
        line.status().name(),
        Money.inCurrency(line.refundedAmount(), line.currency()),
        line.createdAt(),
        line.accountId(),
        line.failureCode(),
        line.failureMessage(),
        line.reviewReason());
  }
}
