package org.cinema.billing.platform;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.Instant;

/**
 * Rows that record when they were created and last changed (wall-clock facts, not business time).
 */
@MappedSuperclass
public abstract class AuditedEntity {

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @PrePersist
  void stampCreated() {
    createdAt = Instant.now();
    updatedAt = createdAt;
  }

  @PreUpdate
  void stampUpdated() {
    updatedAt = Instant.now();
  }

  public Instant createdAt() {
    return createdAt;
  }
}
