package org.cinema.billing.web.dto;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cinema.billing.account.ViewerLanguage;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * POST /api/v1/content/register. Request bodies are immutable classes with constraints on their
 * fields, not records: on records the constraints reach the constructor's parameters too, where
 * Payara's OpenAPI generator fails on them (payara/Payara#7649).
 */
public final class RegisterRequest {

  @NotNull(message = "is required")
  @Pattern(regexp = "[A-Za-z0-9._@-]{3,64}", message = "must be 3 to 64 letters, digits or . _ @ -")
  private final String login;

  @NotNull(message = "is required")
  @Size(min = 6, max = 128, message = "must be 6 to 128 characters")
  private final String password;

  @NotBlank(message = "is required")
  @Email(message = "must be an e-mail address")
  @Size(max = 255, message = "must be at most 255 characters")
  private final String email;

  @Size(max = 255, message = "must be at most 255 characters")
  private final String fullname;

  @Pattern(regexp = "\\+?[0-9 ()-]{5,32}", message = "must be a phone number")
  private final String phone;

  @Pattern(regexp = ViewerLanguage.CHOICES, message = "must be en or ru")
  @Schema(
      description =
          "What billing writes to the viewer in: en or ru. Without it, Russian when the"
              + " browser's first choice (Accept-Language) is, else English")
  private final String language;

  @JsonbCreator
  public RegisterRequest(
      @JsonbProperty("login") String login,
      @JsonbProperty("password") String password,
      @JsonbProperty("email") String email,
      @JsonbProperty("fullname") String fullname,
      @JsonbProperty("phone") String phone,
      @JsonbProperty("language") String language) {
    this.login = login;
    this.password = password;
    this.email = email;
    this.fullname = fullname;
    this.phone = phone;
    this.language = language;
  }

  public String getLogin() {
    return login;
  }

  public String getPassword() {
    return password;
  }

  public String getEmail() {
    return email;
  }

  public String getFullname() {
    return fullname;
  }

  public String getPhone() {
    return phone;
  }

  public String getLanguage() {
    return language;
  }
}
