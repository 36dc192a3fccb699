package org.cinema.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

/** What a server running all three deployables answers, whatever started it. */
public final class WholeSystem {

  public static final List<String> READINESS_CHECKS =
      List.of("billing-database", "content-database", "etl-source-database", "etl-target-database");

  private WholeSystem() {}

  /** Readiness is 200 with every module's checks UP, and each module answers at its root. */
  public static void assertServing(URI base) {
    Http.Response health = Http.readiness(base);
    assertThat(health.status()).as(health.body()).isEqualTo(200);
    for (String check : READINESS_CHECKS) {
      assertThat(Http.check(health, check))
          .as(check)
          .hasValueSatisfying(json -> assertThat(json.getString("status")).isEqualTo("UP"));
    }
    assertThat(Http.get(URI.create(base + "/api/v1/ping")).status()).isEqualTo(200);
    assertThat(Http.get(URI.create(base + "/admin/login.xhtml")).status()).isEqualTo(200);
    assertThat(
            Http.get(
                    URI.create(
                        base
                            + "/admin/jakarta.faces.resource/theme.css.xhtml?ln=primefaces-saga-blue"))
                .status())
        .as("PrimeFaces serves its theme")
        .isEqualTo(200);
    assertThat(Http.get(URI.create(base + "/etl/api/runs")).status()).isEqualTo(200);
  }
}
