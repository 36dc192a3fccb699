package org.cinema.admin.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cinema.admin.audit.AuditAction;
import org.cinema.admin.audit.AuditTrail;
import org.cinema.admin.billing.BillingAdmin;
import org.cinema.admin.billing.BillingRecords.DayRevenue;
import org.cinema.admin.billing.BillingRecords.Stats;
import org.cinema.admin.billing.BillingUnavailable;
import org.cinema.admin.billing.EtlRuns;

/**
 * The dashboard: active subscriptions, revenue per day over the last 30 days (a chart, one line per
 * currency), payments by status, and the ETL's last run with its counts; a button runs the ETL now
 * (audited).
 */
@Named
@ViewScoped
public class DashboardView implements Serializable {

  private static final long serialVersionUID = 1L;

  static final int DAYS = 30;

  @Inject private BillingAdmin billing;

  @Inject private EtlRuns etl;

  @Inject private Clock clock;

  @Inject private AuditTrail audit;

  private Stats stats;
  private String billingError;
  private EtlRuns.Run lastRun;
  private String etlError;

  @PostConstruct
  void load() {
    try {
      stats = billing.stats(DAYS);
    } catch (BillingUnavailable e) {
      billingError = e.getMessage();
    }
    try {
      lastRun = etl.last().orElse(null);
    } catch (BillingUnavailable e) {
      etlError = e.getMessage();
    }
  }

  /** Asks the ETL for a run now; it answers at once, the run goes on in the background. */
  public void runEtl() {
    try {
      EtlRuns.Run run = etl.start();
      audit.record(AuditAction.ETL_RUN, run.executionId(), "started: " + run.status());
      Messages.info("etl.started", String.valueOf(run.executionId()), run.status());
    } catch (BillingUnavailable e) {
      audit.record(AuditAction.ETL_RUN, null, "not started: " + e.getMessage());
      Messages.errorText(e.getMessage());
    }
  }

  public Stats getStats() {
    return stats;
  }

  public String getBillingError() {
    return billingError;
  }

  public EtlRuns.Run getLastRun() {
    return lastRun;
  }

  public String getEtlError() {
    return etlError;
  }

  /** Payments by status, in a fixed order for the table. */
  public Map<String, Long> getPaymentsByStatus() {
    return stats == null ? Map.of() : new TreeMap<>(stats.paymentsByStatus());
  }

  /** A Chart.js line chart (PrimeFaces p:chart) of the revenue per day, a line per currency. */
  public String getRevenueChart() {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate first = today.minusDays(DAYS - 1L);
    Map<String, Map<LocalDate, BigDecimal>> byCurrency = new TreeMap<>();
    Optional.ofNullable(stats)
        .map(Stats::revenueByDay)
        .orElse(java.util.List.of())
        .forEach(
            (DayRevenue day) ->
                byCurrency
                    .computeIfAbsent(day.currency(), c -> new LinkedHashMap<>())
                    .merge(day.day(), day.amount(), BigDecimal::add));
    JsonArrayBuilder labels = Json.createArrayBuilder();
    for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
      labels.add(day.toString());
    }
    JsonArrayBuilder datasets = Json.createArrayBuilder();
    byCurrency.forEach(
        (currency, amounts) -> {
          JsonArrayBuilder data = Json.createArrayBuilder();
          for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            data.add(amounts.getOrDefault(day, BigDecimal.ZERO));
          }
          datasets.add(
              Json.createObjectBuilder()
                  .add("label", currency)
                  .add("data", data)
                  .add("fill", false)
                  .add("tension", 0.2));
        });
    JsonObjectBuilder chart =
        Json.createObjectBuilder()
            .add("type", "line")
            .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
            .add(
                "options",
                Json.createObjectBuilder()
                    .add("responsive", true)
                    .add("maintainAspectRatio", false)
                    .add(
                        "plugins",
                        Json.createObjectBuilder()
                            .add(
                                "title",
                                Json.createObjectBuilder()
                                    .add("display", true)
                                    .add("text", Messages.text("dashboard.revenue")))));
    return chart.build().toString();
  }
}
