package org.cinema.billing.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A movie or series, as copied from the content schema. */
@Entity
@Table(name = "movie", schema = "billing")
public class Movie {

  @Id private UUID id;

  @Column(nullable = false)
  private String title;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  protected Movie() {}

  public UUID id() {
    return id;
  }

  public String title() {
    return title;
  }

  public boolean deleted() {
    return deletedAt != null;
  }
}
