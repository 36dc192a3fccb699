package org.cinema.billing.web.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cinema.billing.reporting.BillingStats;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The admin dashboard's figures. */
public record StatsResponse(
    @JsonbProperty("active_subscriptions") @Schema(name = "active_subscriptions")
        long activeSubscriptions,
    @JsonbProperty("payments_by_status") @Schema(name = "payments_by_status")
        Map<String, Long> paymentsByStatus,
    @JsonbProperty("revenue_by_day") @Schema(name = "revenue_by_day")
        List<DayRevenue> revenueByDay) {

  /** Money kept (paid less refunded) from one UTC day's payments in one currency. */
  public record DayRevenue(LocalDate day, String currency, BigDecimal amount) {}

  public static StatsResponse of(BillingStats stats) {
    return new StatsResponse(
        stats.activeSubscriptions(),
        stats.paymentsByStatus(),
        stats.revenueByDay().stream()
            .map(d -> new DayRevenue(d.day(), d.currency(), d.amount()))
            .toList());
  }
}
