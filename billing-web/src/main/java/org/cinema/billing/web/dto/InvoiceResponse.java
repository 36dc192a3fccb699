package org.cinema.billing.web.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.cinema.billing.invoice.InvoiceView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An invoice. */
public record InvoiceResponse(
    UUID id,
    @JsonbProperty("account_id") @Schema(name = "account_id", ref = "UUID") UUID accountId,
    @JsonbProperty("subscription_id") @Schema(name = "subscription_id", ref = "UUID")
        UUID subscriptionId,
    @JsonbProperty("product_name") @Schema(name = "product_name") String productName,
    BigDecimal amount,
    String currency,
    @JsonbProperty("period_start") @Schema(name = "period_start", ref = "Instant")
        Instant periodStart,
    @JsonbProperty("period_end") @Schema(name = "period_end", ref = "Instant") Instant periodEnd,
    String status,
    @JsonbProperty("paid_at") @Schema(name = "paid_at", ref = "Instant") Instant paidAt,
    @JsonbProperty("created_at") @Schema(name = "created_at", ref = "Instant") Instant createdAt) {

  public static InvoiceResponse of(InvoiceView i) {
    return new InvoiceResponse(
        i.id(),
        i.accountId(),
        i.subscriptionId(),
        i.productName(),
        i.amount(),
        i.currency(),
        i.periodStart(),
        i.periodEnd(),
        i.status().name(),
        i.paidAt(),
        i.createdAt());
  }
}
