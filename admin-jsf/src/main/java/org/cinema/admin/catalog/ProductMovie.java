package org.cinema.admin.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One movie in one product. Removing it sets {@code deleted_at}; adding it back clears it on the
 * same row (the pair is unique), so the ETL sees both as changes of one link.
 */
@Entity
@Table(name = "product_movie", schema = "content")
public class ProductMovie {

  @Id private UUID id;

  @Column(name = "product_id", nullable = false)
  private UUID productId;

  @Column(name = "movie_id", nullable = false)
  private UUID movieId;

  @Column(name = "deleted_at")
  private OffsetDateTime deletedAt;

  protected ProductMovie() {}

  ProductMovie(UUID productId, UUID movieId) {
    this.id = UUID.randomUUID();
    this.productId = productId;
    this.movieId = movieId;
  }

  UUID productId() {
    return productId;
  }

  UUID movieId() {
    return movieId;
  }

  boolean isLive() {
    return deletedAt == null;
  }

  void remove(OffsetDateTime at) {
    deletedAt = at;
  }

  void restore() {
    deletedAt = null;
  }
}
