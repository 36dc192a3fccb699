package org.cinema.billing.web.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.UUID;
import org.cinema.billing.subscription.RenewalRunView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One renewal pass and its counts. */
public record RenewalRunResponse(
    UUID id,
    @Schema(description = "schedule or administrator") String trigger,
    @Schema(description = "RUNNING or FINISHED") String status,
    @JsonbProperty("started_at") @Schema(name = "started_at", ref = "Instant") Instant startedAt,
    @JsonbProperty("finished_at") @Schema(name = "finished_at", ref = "Instant") Instant finishedAt,
    @JsonbProperty("duration_ms") @Schema(name = "duration_ms") long durationMillis,
    int renewed,
    int failed,
    @JsonbProperty("past_due") @Schema(name = "past_due") int pastDue,
    int expired,
    int canceled,
    int awaiting,
    int errors,
    @JsonbProperty("last_error") @Schema(name = "last_error") String lastError) {

  public static RenewalRunResponse of(RenewalRunView run, Instant now) {
    return new RenewalRunResponse(
        run.id(),
        run.trigger(),
        run.status(),
        run.startedAt(),
        run.finishedAt(),
        run.duration(now).toMillis(),
        run.renewed(),
        run.failed(),
        run.pastDue(),
        run.expired(),
        run.canceled(),
        run.awaiting(),
        run.errors(),
        run.lastError());
  }
}
