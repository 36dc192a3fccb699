package org.cinema.billing.web.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.cinema.billing.subscription.SubscriptionView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription. */
public record SubscriptionResponse(
    UUID id,
    @JsonbProperty("account_id") @Schema(name = "account_id", ref = "UUID") UUID accountId,
    @JsonbProperty("product_id") @Schema(name = "product_id", ref = "UUID") UUID productId,
    @JsonbProperty("product_name") @Schema(name = "product_name") String productName,
    String status,
    BigDecimal price,
    String currency,
    String duration,
    @JsonbProperty("current_period_start") @Schema(name = "current_period_start", ref = "Instant")
        Instant currentPeriodStart,
    @JsonbProperty("current_period_end") @Schema(name = "current_period_end", ref = "Instant")
        Instant currentPeriodEnd,
    @JsonbProperty("cancel_at_period_end") @Schema(name = "cancel_at_period_end")
        boolean cancelAtPeriodEnd,
    @JsonbProperty("created_at") @Schema(name = "created_at", ref = "Instant") Instant createdAt) {

  public static SubscriptionResponse of(SubscriptionView s) {
    return new SubscriptionResponse(
        s.id(),
        s.accountId(),
        s.productId(),
        s.productName(),
        s.status().name(),
        s.price(),
        s.currency(),
        s.period().code(),
        s.currentPeriodStart(),
        s.currentPeriodEnd(),
        s.cancelAtPeriodEnd(),
        s.createdAt());
  }
}
