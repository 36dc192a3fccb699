package org.cinema.billing.web.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.cinema.billing.invoice.InvoiceView;

/** An invoice. */
public record InvoiceResponse(
    UUID id,
    @JsonbProperty("account_id") UUID accountId,
    @JsonbProperty("subscription_id") UUID subscriptionId,
    @JsonbProperty("product_name") String productName,
    BigDecimal amount,
    String currency,
    @JsonbProperty("period_start") Instant periodStart,
    @JsonbProperty("period_end") Instant periodEnd,
    String status,
    @JsonbProperty("paid_at") Instant paidAt,
    @JsonbProperty("created_at") Instant createdAt) {

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
