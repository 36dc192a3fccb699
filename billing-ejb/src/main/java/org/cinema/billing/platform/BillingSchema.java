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
 *
 * <p>The code looks the data source up as {@link #DATA_SOURCE}: the server's JDBC resource that
 * {@code BILLING_DB_JNDI_NAME} names when set (the EAR on Payara Server: {@code
 * jdbc/cinema-billing}, a pool made with asadmin, seen and tuned in the console), else the one
 * defined here (Payara Micro). Payara resolves the expression in lookups and in persistence.xml.
 */
@DataSourceDefinition(
    name = BillingSchema.DEFINED,
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

  /** The data source this annotation defines, for a server that has none of its own. */
  public static final String DEFINED = "java:app/jdbc/billing";

  /** The name to look up: {@code billing.db.jndi-name} when configured, else {@link #DEFINED}. */
  public static final String DATA_SOURCE = "${MPCONFIG=billing.db.jndi-name:" + DEFINED + "}";

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
