package org.cinema.billing.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.cinema.billing.platform.AuditedEntity;

/** A viewer (or an administrator) of the billing API. */
@Entity
@Table(name = "account", schema = "billing")
public class Account extends AuditedEntity {

  public static final String ROLE_USER = "user";
  public static final String ROLE_ADMIN = "admin";

  @Id private UUID id;

  @Column(nullable = false, length = 64)
  private String login;

  @Column(name = "password_hash", nullable = false, length = 512)
  private String passwordHash;

  @Column(nullable = false)
  private String email;

  @Column(name = "full_name")
  private String fullName;

  private String phone;

  /** What billing writes to the viewer in: {@code en} or {@code ru} ({@link ViewerLanguage}). */
  @Column(nullable = false, length = 2)
  private String language;

  /** Comma-separated groups put into the token. */
  @Column(nullable = false, length = 64)
  private String roles;

  protected Account() {}

  public Account(
      UUID id,
      String login,
      String passwordHash,
      String email,
      String fullName,
      String phone,
      String language,
      List<String> roles) {
    this.id = id;
    this.login = login;
    this.passwordHash = passwordHash;
    this.email = email;
    this.fullName = fullName;
    this.phone = phone;
    this.language = language;
    this.roles = String.join(",", roles);
  }

  public UUID id() {
    return id;
  }

  public String login() {
    return login;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public String email() {
    return email;
  }

  public String fullName() {
    return fullName;
  }

  public String phone() {
    return phone;
  }

  public String language() {
    return language;
  }

  public List<String> roles() {
    return Arrays.asList(roles.split(","));
  }

  void changePassword(String newHash) {
    this.passwordHash = newHash;
  }

  void grantRoles(List<String> granted) {
    this.roles = String.join(",", granted);
  }
}
