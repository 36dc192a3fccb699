package org.cinema.billing.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A product on sale with the movies it gives access to. */
public record ProductView(
    UUID id,
    String name,
    BigDecimal price,
    String currency,
    BillingPeriod period,
    List<MovieRef> movies) {

  /** A movie as a product lists it. */
  public record MovieRef(UUID id, String title) {}
}
