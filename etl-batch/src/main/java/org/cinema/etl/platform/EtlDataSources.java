package org.cinema.etl.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.ejb.Singleton;

/**
 * The two data sources of the ETL, from the same MicroProfile Config keys the owning modules use,
 * so one set of environment variables configures the whole system. An EJB, because the server reads
 * data source definitions from component classes, not from plain CDI beans.
 */
@DataSourceDefinitions({
  @DataSourceDefinition(
      name = EtlDataSources.CONTENT,
      className = "org.postgresql.ds.PGSimpleDataSource",
      url = "${MPCONFIG=content.db.url}",
      user = "${MPCONFIG=content.db.user}",
      password = "${MPCONFIG=content.db.password}",
      minPoolSize = 1,
      maxPoolSize = 8),
  @DataSourceDefinition(
      name = EtlDataSources.BILLING,
      className = "org.postgresql.ds.PGSimpleDataSource",
      url = "${MPCONFIG=billing.db.url}",
      user = "${MPCONFIG=billing.db.user}",
      password = "${MPCONFIG=billing.db.password}",
      minPoolSize = 1,
      maxPoolSize = 8)
})
@Singleton
public class EtlDataSources {

  public static final String CONTENT = "java:module/jdbc/content";
  public static final String BILLING = "java:module/jdbc/billing";
}
