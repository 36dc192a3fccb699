package org.cinema.billing.web.dto;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** POST /api/v1/content/login (a class, not a record: see {@link RegisterRequest}). */
public final class LoginRequest {

  @NotNull(message = "is required")
  @Size(max = 64, message = "must be at most 64 characters")
  private final String login;

  @NotNull(message = "is required")
  @Size(max = 128, message = "must be at most 128 characters")
  private final String password;

  @JsonbCreator
  public LoginRequest(
      @JsonbProperty("login") String login, @JsonbProperty("password") String password) {
    this.login = login;
    this.password = password;
  }

  public String getLogin() {
    return login;
  }

  public String getPassword() {
    return password;
  }
}
