package org.cinema.billing.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Something to subscribe to: a bundle of movies with a price per period. */
@Entity
@Table(name = "product", schema = "billing")
public class Product {

  @Id private UUID id;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false, precision = 12, scale = 2)
  private BigDecimal price;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(nullable = false)
  private BillingPeriod period;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  protected Product() {}

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public BigDecimal price() {
    return price;
  }

  public String currency() {
    return currency;
  }

  public BillingPeriod period() {
    return period;
  }

  public boolean deleted() {
    return deletedAt != null;
  }
}
