package org.cinema.admin.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import org.cinema.common.db.SchemaReadiness;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the content database answers and its schema is migrated. */
@Readiness
@ApplicationScoped
public class ContentReadinessCheck implements HealthCheck {

  @Resource(lookup = ContentSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    return SchemaReadiness.check("content-database", dataSource, ContentSchema.SCHEMA);
  }
}
