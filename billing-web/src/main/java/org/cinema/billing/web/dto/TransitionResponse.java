package org.cinema.billing.web.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import org.cinema.billing.payment.PaymentTransition;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One step of a payment's history. */
public record TransitionResponse(
    String from,
    String to,
    String cause,
    @JsonbProperty("occurred_at") @Schema(name = "occurred_at", ref = "Instant")
        Instant occurredAt) {

  public static TransitionResponse of(PaymentTransition t) {
    return new TransitionResponse(
        t.from() == null ? null : t.from().name(), t.to().name(), t.cause(), t.occurredAt());
  }
}
