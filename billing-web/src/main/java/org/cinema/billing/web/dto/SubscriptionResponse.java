package org.cinema.billing.web.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.cinema.billing.subscription.SubscriptionView;

/** A subscription. */
public record SubscriptionResponse(
    UUID id,
    @JsonbProperty("account_id") UUID accountId,
    @JsonbProperty("product_id") UUID productId,
    @JsonbProperty("product_name") String productName,
    String status,
    BigDecimal price,
    String currency,
    String duration,
    @JsonbProperty("current_period_start") Instant currentPeriodStart,
    @JsonbProperty("current_period_end") Instant currentPeriodEnd,
    @JsonbProperty("cancel_at_period_end") boolean cancelAtPeriodEnd,
    @JsonbProperty("created_at") Instant createdAt) {

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
