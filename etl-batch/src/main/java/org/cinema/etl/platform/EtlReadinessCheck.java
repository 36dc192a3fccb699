package org.cinema.etl.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;
import org.cinema.common.db.SchemaReadiness;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when both the schema the ETL reads ({@code content}) and the one it writes ({@code
 * billing}) answer and are migrated by their owners.
 */
@ApplicationScoped
public class EtlReadinessCheck {

  @Resource(lookup = EtlDataSources.CONTENT)
  private DataSource content;

  @Resource(lookup = EtlDataSources.BILLING)
  private DataSource billing;

  @Produces
  @Readiness
  HealthCheck source() {
    return () -> SchemaReadiness.check("etl-source-database", content, "content");
  }

  @Produces
  @Readiness
  HealthCheck target() {
    return () -> SchemaReadiness.check("etl-target-database", billing, "billing");
  }
}
