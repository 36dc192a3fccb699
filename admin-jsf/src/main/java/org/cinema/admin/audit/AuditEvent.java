package org.cinema.admin.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One thing a manager did; never changed once written. */
@Entity
@Table(name = "audit_event", schema = "content")
public class AuditEvent {

  /** Longest details text kept; more is cut. */
  static final int DETAILS = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private OffsetDateTime occurredAt;

  @Column(nullable = false, updatable = false)
  private String actor;

  @Column(nullable = false, updatable = false)
  private String action;

  @Column(name = "target_type", nullable = false, updatable = false)
  private String targetType;

  @Column(name = "target_id", updatable = false)
  private String targetId;

  @Column(updatable = false)
  private String details;

  protected AuditEvent() {}

  AuditEvent(
      OffsetDateTime occurredAt,
      String actor,
      AuditAction action,
      String targetId,
      String details) {
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.action = action.code();
    this.targetType = action.targetType();
    this.targetId = targetId;
    this.details =
        details == null || details.length() <= DETAILS ? details : details.substring(0, DETAILS);
  }

  public Long getId() {
    return id;
  }

  public OffsetDateTime getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public String getAction() {
    return action;
  }

  public String getTargetType() {
    return targetType;
  }

  public String getTargetId() {
    return targetId;
  }

  public String getDetails() {
    return details;
  }
}
