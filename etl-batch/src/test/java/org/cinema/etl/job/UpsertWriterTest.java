package org.cinema.etl.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UpsertWriterTest {

  @Test
  void csvQuotesEveryValueDoublesQuotesAndLeavesNullEmpty() {
    UUID id = UUID.fromString("00000000-0000-4000-8000-000000000201");
    OffsetDateTime at = OffsetDateTime.parse("2026-11-27T10:15:30Z");
    CatalogRow product =
        new CatalogRow(
            CatalogTable.PRODUCT,
            new Object[] {
              id, "The \"best\", films", null, new BigDecimal("1E+2"), "RUB", "month", at, at, null
            });

    String csv = UpsertWriter.csv(List.of(product));

    assertThat(csv)
        .isEqualTo(
            "\"00000000-0000-4000-8000-000000000201\",\"The \"\"best\"\", films\",,\"100\","
                + "\"RUB\",\"month\",\"2026-11-27T10:15:30Z\",\"2026-11-27T10:15:30Z\",\n");
  }

  @Test
  void aMultiLineDescriptionStaysOneQuotedField() {
    CatalogRow movie =
        new CatalogRow(
            CatalogTable.MOVIE,
            new Object[] {
              UUID.randomUUID(), "Title", "line one\nline two", null, 80, "movie", null, null, null
            });

    assertThat(UpsertWriter.csv(List.of(movie))).contains("\"line one\nline two\"");
  }
}
