package org.cinema.billing.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.cinema.common.db.SchemaReadiness;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the billing database answers and its schema is migrated. */
@Readiness
@ApplicationScoped
public class BillingReadinessCheck implements HealthCheck {

  @Inject private BillingSchema schema;

  @Override
  public HealthCheckResponse call() {
    return SchemaReadiness.unlessStarting("billing-database", schema::readiness);
  }
}
