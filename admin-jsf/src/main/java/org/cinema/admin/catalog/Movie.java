package org.cinema.admin.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A movie or TV show of the catalog. The form edits it directly, with these constraints. */
@Entity
@Table(name = "movie", schema = "content")
public class Movie implements Serializable {

  private static final long serialVersionUID = 1L;

  @Id private UUID id;

  @NotBlank(message = "{movie.title.required}")
  @Size(max = 255, message = "{movie.title.size}")
  @Column(nullable = false)
  private String title;

  @Size(max = 10000, message = "{movie.description.size}")
  private String description;

  @Column(name = "creation_date")
  private LocalDate creationDate;

  @Min(value = 0, message = "{movie.rating.range}")
  @Max(value = 100, message = "{movie.rating.range}")
  private Integer rating;

  @NotNull(message = "{movie.type.required}")
  @Pattern(regexp = "movie|tv_show", message = "{movie.type.required}")
  @Column(nullable = false)
  private String type = "movie";

  @Column(name = "created_at", insertable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", insertable = false, updatable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "deleted_at")
  private OffsetDateTime deletedAt;

  public Movie() {
    id = UUID.randomUUID();
  }

  public UUID getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title == null ? null : title.strip();
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public LocalDate getCreationDate() {
    return creationDate;
  }

  public void setCreationDate(LocalDate creationDate) {
    this.creationDate = creationDate;
  }

  public Integer getRating() {
    return rating;
  }

  public void setRating(Integer rating) {
    this.rating = rating;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }

  public boolean isDeleted() {
    return deletedAt != null;
  }

  void delete(OffsetDateTime at) {
    deletedAt = at;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Movie movie && movie.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return title;
  }
}
