package org.cinema.billing.web.dto;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import java.math.BigDecimal;
import java.util.UUID;
import org.cinema.billing.subscription.SubscribeResult;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The subscription just opened (or the unpaid one found again) and where to pay: {@code id} is the
 * product's, as the original clients expect. {@code url} is null when a card the viewer saved with
 * an earlier payment was charged at once; {@code payment_status} then says how that went.
 */
public record AddProductResponse(
    UUID id,
    String name,
    BigDecimal price,
    String currency,
    String duration,
    @JsonbNillable String url,
    @JsonbProperty("subscription_id") @Schema(name = "subscription_id", ref = "UUID")
        UUID subscriptionId,
    @JsonbProperty("payment_id") @Schema(name = "payment_id", ref = "UUID") UUID paymentId,
    @JsonbProperty("payment_status") @Schema(name = "payment_status") String paymentStatus) {

  public static AddProductResponse of(UUID productId, SubscribeResult result) {
    var ticket = result.ticket();
    return new AddProductResponse(
        productId,
        ticket.productName(),
        ticket.price(),
        ticket.currency(),
        ticket.period().code(),
        result.checkoutUrl(),
        ticket.subscriptionId(),
        ticket.paymentId(),
        result.paymentStatus().name());
  }
}
