package org.cinema.etl.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.cinema.common.db.SchemaReadiness;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when both the schema the ETL reads ({@code content}) and the one it writes ({@code
 * billing}) answer and are migrated by their owners.
 */
@ApplicationScoped
public class EtlReadinessCheck {

  @Inject private EtlDatabases databases;

  @Produces
  @Readiness
  HealthCheck source() {
    return () -> SchemaReadiness.unlessStarting("etl-source-database", databases::sourceReadiness);
  }

  @Produces
  @Readiness
  HealthCheck target() {
    return () -> SchemaReadiness.unlessStarting("etl-target-database", databases::targetReadiness);
  }
}
