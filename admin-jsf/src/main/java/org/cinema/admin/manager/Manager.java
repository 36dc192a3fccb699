package org.cinema.admin.manager;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Someone who may log in to the admin panel. */
@Entity
@Table(name = "manager", schema = "content")
public class Manager {

  @Id private UUID id;

  @Column(nullable = false)
  private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(name = "full_name")
  private String fullName;

  @Column(nullable = false)
  private boolean active;

  @Column(nullable = false)
  private boolean superuser;

  /** Raised when the password changes or the manager is deactivated: older sessions end. */
  @Column(name = "session_version", nullable = false)
  private long sessionVersion;

  @Column(name = "created_at", insertable = false, updatable = false)
  private OffsetDateTime createdAt;

  protected Manager() {}

  Manager(String username, String fullName, String passwordHash, boolean superuser) {
    this.id = UUID.randomUUID();
    this.username = username;
    this.fullName = fullName;
    this.passwordHash = passwordHash;
    this.superuser = superuser;
    this.active = true;
  }

  public UUID getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getFullName() {
    return fullName;
  }

  public boolean isActive() {
    return active;
  }

  public boolean isSuperuser() {
    return superuser;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public long getSessionVersion() {
    return sessionVersion;
  }

  String getPasswordHash() {
    return passwordHash;
  }

  /** Lets the manager log in, or not; switching off ends every session the manager has open. */
  void setActive(boolean active) {
    if (this.active && !active) {
      sessionVersion++;
    }
    this.active = active;
  }

  /** A new password; every session opened with the old one ends. */
  void changePassword(String newHash) {
    this.passwordHash = newHash;
    sessionVersion++;
  }
}
