package org.cinema.billing.web.dto;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.UUID;
import org.cinema.billing.account.CustomerView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer (account) as administrators see it. */
public record CustomerResponse(
    UUID id,
    String login,
    String email,
    String fullname,
    String phone,
    String roles,
    @JsonbProperty("created_at") @Schema(name = "created_at", ref = "Instant") Instant createdAt) {

  public static CustomerResponse of(CustomerView c) {
    return new CustomerResponse(
        c.id(), c.login(), c.email(), c.fullName(), c.phone(), c.roles(), c.createdAt());
  }
}
