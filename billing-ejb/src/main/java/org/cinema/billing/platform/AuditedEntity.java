package org.cinema.billing.platform;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.Instant;
import org.cinema.common.time.MovableClock;

/**
 * Rows that record when they were created and last changed, by the application's clock (the one
 * every decision reads, {@link MovableClock}): the reconciler and the refund window compare these
 * times with "now", so a test clock moved on must move them too.
 */
@MappedSuperclass
public abstract class AuditedEntity {

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @PrePersist
  void stampCreated() {
    createdAt = MovableClock.APPLICATION.instant();
    updatedAt = createdAt;
  }

  @PreUpdate
  void stampUpdated() {
    updatedAt = MovableClock.APPLICATION.instant();
  }

  public Instant createdAt() {
    return createdAt;
  }
}
