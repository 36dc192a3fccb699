package org.cinema.etl.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.cinema.common.metrics.Refreshed;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The ETL's figures as MicroProfile Metrics, per table: {@code etl_rows_copied} (rows the runs
 * wrote into billing, from {@code billing.etl_state}) and {@code etl_lag_seconds} (how long the
 * oldest change in content that billing has not got yet has waited: 0 when the copy is up to date).
 * Read from the databases at most every {@code METRICS_REFRESH_SECONDS} (10), so every instance
 * reports the same figures.
 */
@ApplicationScoped
public class EtlMetrics {

  @Inject private MetricRegistry registry;

  @Inject private EtlFigures databases;

  @Inject
  @ConfigProperty(name = "metrics.refresh-seconds", defaultValue = "10")
  private long refreshSeconds;

  private Refreshed<Map<CatalogTable, EtlFigures.Table>> figures;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    figures =
        new Refreshed<>("the ETL's figures", Duration.ofSeconds(refreshSeconds), databases::read);
    Metadata rows =
        Metadata.builder()
            .withName("etl_rows_copied")
            .withDescription("Rows the ETL wrote into billing, per table")
            .build();
    Metadata lag =
        Metadata.builder()
            .withName("etl_lag_seconds")
            .withDescription(
                "Age of the oldest change in content not yet in billing, per table (0: up to date)")
            .build();
    for (CatalogTable table : CatalogTable.values()) {
      Tag tag = new Tag("table", table.tableName());
      Function<EtlMetrics, Double> rowsOf = metrics -> metrics.figure(table, false);
      Function<EtlMetrics, Double> lagOf = metrics -> metrics.figure(table, true);
      registry.gauge(rows, this, rowsOf, tag);
      registry.gauge(lag, this, lagOf, tag);
    }
  }

  private double figure(CatalogTable table, boolean lag) {
    return figures
        .at(Instant.now())
        .map(read -> read.get(table))
        .map(of -> lag ? of.lagSeconds() : of.rows())
        .orElse(Double.NaN);
  }
}
