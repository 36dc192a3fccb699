package org.cinema.admin.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.cinema.common.db.SchemaMigrator;
import org.cinema.common.db.SchemaReadiness;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Defines the content data source from MicroProfile Config ({@code content.db.*}, fed by the {@code
 * CONTENT_DB_*} environment variables) and migrates the {@code content} schema, which this module
 * owns, before anything else runs. With {@code demo.data=true} a small demo catalog is put in once
 * (a repeatable migration that inserts only what is missing).
 *
 * <p>Looked up as {@link #DATA_SOURCE}: the server's JDBC resource that {@code
 * CONTENT_DB_JNDI_NAME} names when set (the EAR: {@code jdbc/cinema-content}), else the one defined
 * here.
 */
@DataSourceDefinition(
    name = ContentSchema.DEFINED,
    className = "org.postgresql.ds.PGSimpleDataSource",
    url = "${MPCONFIG=content.db.url}",
    user = "${MPCONFIG=content.db.user}",
    password = "${MPCONFIG=content.db.password}",
    minPoolSize = 1,
    maxPoolSize = 16)
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class ContentSchema {

  /** The data source this annotation defines, for a server that has none of its own. */
  public static final String DEFINED = "java:app/jdbc/content";

  /** The name to look up: {@code content.db.jndi-name} when configured, else {@link #DEFINED}. */
  public static final String DATA_SOURCE = "${MPCONFIG=content.db.jndi-name:" + DEFINED + "}";

  public static final String SCHEMA = "content";

  @Resource(lookup = DATA_SOURCE)
  private DataSource dataSource;

  @Inject
  @ConfigProperty(name = "demo.data", defaultValue = "false")
  private boolean demoData;

  @PostConstruct
  void migrate() {
    if (demoData) {
      SchemaMigrator.migrate(
          dataSource,
          SCHEMA,
          getClass().getClassLoader(),
          "classpath:db/migration/content",
          "classpath:db/demo/content");
    } else {
      SchemaMigrator.migrate(
          dataSource, SCHEMA, getClass().getClassLoader(), "classpath:db/migration/content");
    }
  }

  @Lock(LockType.READ)
  public HealthCheckResponse readiness() {
    return SchemaReadiness.check("content-database", dataSource, SCHEMA);
  }
}
