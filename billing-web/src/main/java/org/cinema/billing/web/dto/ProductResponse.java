package org.cinema.billing.web.dto;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.cinema.billing.catalog.ProductView;

/**
 * A product on sale; {@code duration} is its period, {@code day}, {@code month} or {@code year}.
 */
public record ProductResponse(
    UUID id,
    String name,
    BigDecimal price,
    String currency,
    String duration,
    List<MovieResponse> movies) {

  /** A movie the product contains. */
  public record MovieResponse(UUID id, String name) {}

  public static ProductResponse of(ProductView product) {
    return new ProductResponse(
        product.id(),
        product.name(),
        product.price(),
        product.currency(),
        product.period().code(),
        product.movies().stream().map(m -> new MovieResponse(m.id(), m.title())).toList());
  }
}
