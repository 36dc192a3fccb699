package org.cinema.admin.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.cinema.common.db.SchemaReadiness;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the content database answers and its schema is migrated. */
@Readiness
@ApplicationScoped
public class ContentReadinessCheck implements HealthCheck {

  @Inject private ContentSchema schema;

  @Override
  public HealthCheckResponse call() {
    return SchemaReadiness.unlessStarting("content-database", schema::readiness);
  }
}
