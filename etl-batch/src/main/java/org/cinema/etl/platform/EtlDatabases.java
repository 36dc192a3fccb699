package org.cinema.etl.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import javax.sql.DataSource;
import org.cinema.common.db.SchemaReadiness;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The ETL's two databases: the source ({@code content}) and the target ({@code billing}), defined
 * in {@code WEB-INF/web.xml} from the same MicroProfile Config keys the owning modules use. Their
 * readiness is checked here, so the probe runs in this module's context (Payara calls health checks
 * from its own servlet, where the application's JNDI names and JDBC driver are out of reach).
 */
@Singleton
public class EtlDatabases {

  @Resource(lookup = "java:app/jdbc/etl-source")
  private DataSource source;

  @Resource(lookup = "java:app/jdbc/etl-target")
  private DataSource target;

  @Lock(LockType.READ)
  public HealthCheckResponse sourceReadiness() {
    return SchemaReadiness.check("etl-source-database", source, "content");
  }

  @Lock(LockType.READ)
  public HealthCheckResponse targetReadiness() {
    return SchemaReadiness.check("etl-target-database", target, "billing");
  }
}
