package org.cinema.billing.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import javax.sql.DataSource;
import org.cinema.common.db.SchemaMigrator;
import org.cinema.common.db.SchemaReadiness;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Defines the billing data source from MicroProfile Config ({@code billing.db.*}, fed by the {@code
 * BILLING_DB_*} environment variables) and brings the {@code billing} schema up to date before the
 * module serves anything. A failed migration fails the deployment.
 */
@DataSourceDefinition(
    name = BillingSchema.DATA_SOURCE,
    className = "org.postgresql.ds.PGSimpleDataSource",
    url = "${MPCONFIG=billing.db.url}",
    user = "${MPCONFIG=billing.db.user}",
    password = "${MPCONFIG=billing.db.password}",
    minPoolSize = 2,
    maxPoolSize = 32,
    // A batch of inserts (EclipseLink's batch writing) goes as one multi-row statement.
    properties = {"reWriteBatchedInserts=true"})
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class BillingSchema {

  public static final String DATA_SOURCE = "java:app/jdbc/billing";
  public static final String SCHEMA = "billing";

  @Resource(lookup = DATA_SOURCE)
  private DataSource dataSource;

  @PostConstruct
  void migrate() {
    SchemaMigrator.migrate(
        dataSource, SCHEMA, getClass().getClassLoader(), "classpath:db/migration/billing");
  }

  @Lock(LockType.READ)
  public HealthCheckResponse readiness() {
    return SchemaReadiness.check("billing-database", dataSource, SCHEMA);
  }
}
