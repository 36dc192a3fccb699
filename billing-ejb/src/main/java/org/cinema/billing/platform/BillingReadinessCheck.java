package org.cinema.billing.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import org.cinema.common.db.SchemaReadiness;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the billing database answers and its schema is migrated. */
@Readiness
@ApplicationScoped
public class BillingReadinessCheck implements HealthCheck {

  @Resource(lookup = BillingSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    return SchemaReadiness.check("billing-database", dataSource, BillingSchema.SCHEMA);
  }
}
