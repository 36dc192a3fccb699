package org.cinema.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import org.cinema.it.support.Deployments;
import org.cinema.it.support.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** etl-batch.war on a database whose two schemas their owners have already migrated. */
@ExtendWith(ArquillianExtension.class)
class EtlBatchIT {

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  @TargetsContainer("etl")
  static WebArchive etlBatch() {
    return Deployments.builtWar("etl-batch.war");
  }

  @Test
  void isReadyWhenBothTheSourceAndTargetSchemasAre() throws Exception {
    Http.Response health = Http.readiness(base.toURI());

    assertThat(health.status()).isEqualTo(200);
    for (String name : new String[] {"etl-source-database", "etl-target-database"}) {
      assertThat(Http.check(health, name))
          .as(name)
          .hasValueSatisfying(check -> assertThat(check.getString("status")).isEqualTo("UP"));
    }
  }
}
