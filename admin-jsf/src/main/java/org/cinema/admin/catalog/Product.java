package org.cinema.admin.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A subscription product: a bundle of movies at a price per day or per month. */
@Entity
@Table(name = "product", schema = "content")
public class Product implements Serializable {

  private static final long serialVersionUID = 1L;

  @Id private UUID id;

  @NotBlank(message = "{product.name.required}")
  @Size(max = 255, message = "{product.name.size}")
  @Column(nullable = false)
  private String name;

  @Size(max = 10000, message = "{product.description.size}")
  private String description;

  @NotNull(message = "{product.price.required}")
  @DecimalMin(value = "0.01", message = "{product.price.positive}")
  @Digits(integer = 10, fraction = 2, message = "{product.price.digits}")
  @Column(nullable = false, precision = 12, scale = 2)
  private BigDecimal price;

  @NotNull(message = "{product.currency.required}")
  @Pattern(regexp = "[A-Z]{3}", message = "{product.currency.required}")
  @Column(nullable = false, length = 3)
  private String currency = "RUB";

  @NotNull(message = "{product.period.required}")
  @Pattern(regexp = "day|month|year", message = "{product.period.required}")
  @Column(nullable = false)
  private String period = "month";

  @Column(name = "created_at", insertable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", insertable = false, updatable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "deleted_at")
  private OffsetDateTime deletedAt;

  public Product() {
    id = UUID.randomUUID();
  }

  public UUID getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name == null ? null : name.strip();
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public BigDecimal getPrice() {
    return price;
  }

  public void setPrice(BigDecimal price) {
    this.price = price;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency == null ? null : currency.strip().toUpperCase();
  }

  public String getPeriod() {
    return period;
  }

  public void setPeriod(String period) {
    this.period = period;
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
    return other instanceof Product product && product.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
