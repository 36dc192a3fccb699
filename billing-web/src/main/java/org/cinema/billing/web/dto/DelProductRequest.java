package org.cinema.billing.web.dto;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.cinema.billing.web.Params;

/**
 * DELETE /api/v1/billing/del-product: the product whose subscription to cancel (a class, not a
 * record: see {@link RegisterRequest}).
 */
public final class DelProductRequest {

  @NotNull(message = "is required")
  @Pattern(regexp = Params.UUID_PATTERN, message = Params.UUID_MESSAGE)
  private final String id;

  @JsonbCreator
  public DelProductRequest(@JsonbProperty("id") String id) {
    this.id = id;
  }

  public String getId() {
    return id;
  }
}
