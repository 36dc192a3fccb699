package org.cinema.etl.platform;

import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import javax.sql.DataSource;
import org.cinema.common.db.SchemaReadiness;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The ETL's two databases: the source ({@code content}) and the target ({@code billing}), from the
 * same MicroProfile Config keys the owning modules use, under names of their own (in the EAR, one
 * application, a name may be defined only once). Neither joins the batch runtime's JTA
 * transactions: the chunk transaction already holds the job repository's non-XA connection, and one
 * JTA transaction takes one non-XA resource. The writer commits its own local transaction instead
 * (see {@code UpsertWriter}). Their readiness is checked here, so the probe runs in this module's
 * context (Payara calls health checks from its own servlet, where the application's JNDI names and
 * JDBC driver are out of reach).
 *
 * <p>Looked up as {@link #SOURCE} and {@link #TARGET}: the server's non-transactional JDBC
 * resources that {@code ETL_SOURCE_JNDI_NAME} and {@code ETL_TARGET_JNDI_NAME} name when set (the
 * EAR: {@code jdbc/cinema-etl-source}, {@code jdbc/cinema-etl-target}), else the ones defined here.
 */
@DataSourceDefinitions({
  @DataSourceDefinition(
      name = EtlDatabases.DEFINED_SOURCE,
      className = "org.postgresql.ds.PGSimpleDataSource",
      url = "${MPCONFIG=content.db.url}",
      user = "${MPCONFIG=content.db.user}",
      password = "${MPCONFIG=content.db.password}",
      transactional = false,
      minPoolSize = 1,
      maxPoolSize = 8),
  @DataSourceDefinition(
      name = EtlDatabases.DEFINED_TARGET,
      className = "org.postgresql.ds.PGSimpleDataSource",
      url = "${MPCONFIG=billing.db.url}",
      user = "${MPCONFIG=billing.db.user}",
      password = "${MPCONFIG=billing.db.password}",
      transactional = false,
      minPoolSize = 1,
      maxPoolSize = 8)
})
@Singleton
public class EtlDatabases {

  public static final String DEFINED_SOURCE = "java:app/jdbc/etl-source";
  public static final String DEFINED_TARGET = "java:app/jdbc/etl-target";

  /** {@code etl.source-jndi-name} when configured, else {@link #DEFINED_SOURCE}. */
  public static final String SOURCE = "${MPCONFIG=etl.source-jndi-name:" + DEFINED_SOURCE + "}";

  /** {@code etl.target-jndi-name} when configured, else {@link #DEFINED_TARGET}. */
  public static final String TARGET = "${MPCONFIG=etl.target-jndi-name:" + DEFINED_TARGET + "}";

  @Resource(lookup = SOURCE)
  private DataSource source;

  @Resource(lookup = TARGET)
  private DataSource target;

  /** Whether both schemas are migrated, so a run can start. */
  @Lock(LockType.READ)
  public boolean ready() {
    return sourceReadiness().getStatus() == HealthCheckResponse.Status.UP
        && targetReadiness().getStatus() == HealthCheckResponse.Status.UP;
  }

  @Lock(LockType.READ)
  public HealthCheckResponse sourceReadiness() {
    return SchemaReadiness.check("etl-source-database", source, "content");
  }

  @Lock(LockType.READ)
  public HealthCheckResponse targetReadiness() {
    return SchemaReadiness.check("etl-target-database", target, "billing");
  }
}
