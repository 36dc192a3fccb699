package org.cinema.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.util.UUID;
import org.cinema.it.support.Deployments;
import org.cinema.it.support.Http;
import org.cinema.it.support.Sql;
import org.cinema.it.support.TestDatabase;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.util.PSQLException;

/** admin-jsf.war on its own fresh database, started with DEMO_DATA=true. */
@ExtendWith(ArquillianExtension.class)
class AdminJsfIT {

  private final Sql sql = new Sql(TestDatabase.dataSource(TestDatabase.ADMIN));

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  @TargetsContainer("admin")
  static WebArchive adminJsf() {
    return Deployments.builtWar("admin-jsf.war");
  }

  @Test
  void isReadyWithTheContentSchemaMigrated() throws Exception {
    Http.Response health = Http.readiness(base.toURI());

    assertThat(health.status()).isEqualTo(200);
    assertThat(Http.check(health, "content-database"))
        .hasValueSatisfying(check -> assertThat(check.getString("status")).isEqualTo("UP"));
  }

  @Test
  void putsTheDemoCatalogInWhenAskedTo() throws Exception {
    assertThat(
            sql.column(
                "select title from content.movie where id::text like '00000000-0000-4000-8000-%'"
                    + " order by title"))
        .containsExactly(
            "Harbour Lights", "Night Shift", "Orbit of Ash", "Paper Cities", "The Silent Reel");
    assertThat(
            sql.column(
                "select p.name || ': ' || count(*) from content.product p"
                    + " join content.product_movie pm on pm.product_id = p.id"
                    + " where p.id::text like '00000000-0000-4000-8000-%'"
                    + " group by p.name order by p.name"))
        .containsExactly("Feature films, monthly: 3", "Series day pass: 2");
  }

  @Test
  void movesUpdatedAtOnEveryEditSoTheEtlSeesIt() throws Exception {
    UUID movie = UUID.randomUUID();
    String updatedRecently =
        "select updated_at > now() - interval '1 minute' from content.movie where id = ?";
    sql.update(
        "insert into content.movie (id, title, updated_at)"
            + " values (?, 'Draft', now() - interval '1 hour')",
        movie);
    assertThat(sql.value(updatedRecently, movie)).isEqualTo(false);

    sql.update("update content.movie set title = 'Final' where id = ?", movie);

    assertThat(sql.value(updatedRecently, movie)).isEqualTo(true);
  }

  @Test
  void refusesARatingAbove100() {
    assertThatThrownBy(
            () ->
                sql.update(
                    "insert into content.movie (id, title, rating) values (?, 'Too good', 101)",
                    UUID.randomUUID()))
        .isInstanceOfSatisfying(
            PSQLException.class,
            e ->
                assertThat(e.getServerErrorMessage().getConstraint())
                    .isEqualTo("ck_movie_rating_range"));
  }
}
