package org.cinema.etl.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdRangeTest {

  @Test
  void theWholeTableHasNoConditionAndTheTablesOwnWatermark() {
    assertThat(IdRange.of(null, null)).isEqualTo(IdRange.ALL);
    assertThat(IdRange.ALL.condition()).isEmpty();
    assertThat(IdRange.ALL.watermarkName(CatalogTable.MOVIE)).isEqualTo("movie");
  }

  @Test
  void partsSplitTheIdsIntoAdjacentRangesThatCoverThemAll() {
    assertThat(IdRange.of("0", "2").condition())
        .isEqualTo(" and id < '80000000-0000-0000-0000-000000000000'::uuid");
    assertThat(IdRange.of("1", "2").condition())
        .isEqualTo(" and id >= '80000000-0000-0000-0000-000000000000'::uuid");
    assertThat(new IdRange(1, 3).condition())
        .isEqualTo(
            " and id >= '55555555-0000-0000-0000-000000000000'::uuid"
                + " and id < 'aaaaaaaa-0000-0000-0000-000000000000'::uuid");
  }

  @Test
  void eachPartKeepsAWatermarkOfItsOwn() {
    assertThat(new IdRange(0, 2).watermarkName(CatalogTable.MOVIE)).isEqualTo("movie 1/2");
    assertThat(new IdRange(1, 2).watermarkName(CatalogTable.MOVIE)).isEqualTo("movie 2/2");
  }

  @Test
  void thereIsNoPartBeyondTheCount() {
    assertThatThrownBy(() -> new IdRange(2, 2)).isInstanceOf(IllegalArgumentException.class);
  }
}
