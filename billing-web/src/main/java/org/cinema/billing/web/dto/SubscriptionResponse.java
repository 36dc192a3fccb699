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
    @JsonbProperty("created_at") @Schema(name = "created_at", ref = "Instant") Instant createdAt,
    @JsonbProperty("next_renewal_at")
        @Schema(
            name = "next_renewal_at",
            ref = "Instant",
            description = "when it is charged next (period end, or the next retry when past due)")
        Instant nextRenewalAt,
    @JsonbProperty("next_renewal_amount")
        @Schema(name = "next_renewal_amount", description = "what that charge takes")
        BigDecimal nextRenewalAmount,
    @JsonbProperty("ends_at")
        @Schema(name = "ends_at", ref = "Instant", description = "when it ends (canceled to it)")
        Instant endsAt,
    @JsonbProperty("renewal_failures")
        @Schema(name = "renewal_failures", description = "declines of the renewal owed (past due)")
        int renewalFailures,
    @JsonbProperty("past_due_since") @Schema(name = "past_due_since", ref = "Instant")
        Instant pastDueSince,
    @JsonbProperty("pay_again_url")
        @Schema(
            name = "pay_again_url",
            description = "past due: the page to pay the renewal owed with another card")
        String payAgainUrl) {

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
        s.createdAt(),
        s.nextRenewalAt(),
        s.nextRenewalAt() == null ? null : s.price(),
        s.endsAt(),
        s.renewalFailures(),
        s.pastDueSince(),
        s.payAgainUrl());
  }
}
