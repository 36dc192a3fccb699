package org.cinema.etl.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
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

  private static final Logger LOG = Logger.getLogger(EtlMetrics.class.getName());

  @Inject private MetricRegistry registry;

  @Inject private EtlFigures databases;

  @Inject
  @ConfigProperty(name = "metrics.refresh-seconds", defaultValue = "10")
  private long refreshSeconds;

  private Map<CatalogTable, EtlFigures.Table> figures = Map.of();

  private Instant readAt = Instant.MIN;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
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

  private synchronized double figure(CatalogTable table, boolean lag) {
    Instant now = Instant.now();
    if (Duration.between(readAt, now).abs().getSeconds() >= refreshSeconds) {
      readAt = now;
      try {
        figures = databases.read(now);
      } catch (RuntimeException e) {
        LOG.warning("Could not read the ETL's figures: " + e);
        figures = Map.of();
      }
    }
    EtlFigures.Table of = figures.get(table);
    if (of == null) {
      return Double.NaN;
    }
    return lag ? of.lagSeconds() : of.rows();
  }
}
