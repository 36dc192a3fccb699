package org.cinema.billing.web.dto;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.Size;

/**
 * Moves the test clock: {@code advance} (an ISO-8601 duration, {@code P31D}) or {@code now} (an ISO
 * instant), one of the two (a class, not a record: see {@link RegisterRequest}).
 */
public final class TestClockRequest {

  @Size(max = 64, message = "must be at most 64 characters")
  private final String advance;

  @Size(max = 64, message = "must be at most 64 characters")
  private final String now;

  @JsonbCreator
  public TestClockRequest(
      @JsonbProperty("advance") String advance, @JsonbProperty("now") String now) {
    this.advance = advance;
    this.now = now;
  }

  public String getAdvance() {
    return advance;
  }

  public String getNow() {
    return now;
  }
}
