package org.cinema.it.support;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Puts movies and products into the billing schema's catalog copy, as the ETL does from the admin's
 * content schema. Every call makes new ids, so tests never share catalog rows.
 */
public final class BillingCatalog {

  private final Sql sql;

  public BillingCatalog(Sql sql) {
    this.sql = sql;
  }

  /** A product on sale in roubles containing {@code movieCount} new movies. */
  public Product product(String period, String price, int movieCount) throws SQLException {
    return product(period, price, "RUB", movieCount);
  }

  /** A product on sale in {@code currency} containing {@code movieCount} new movies. */
  public Product product(String period, String price, String currency, int movieCount)
      throws SQLException {
    UUID product = UUID.randomUUID();
    String name = "Product " + product.toString().substring(0, 8);
    sql.update(
        "insert into billing.product (id, name, price, currency, period) values (?, ?, ?, ?, ?)",
        product,
        name,
        new BigDecimal(price),
        currency,
        period);
    List<UUID> movies = new ArrayList<>();
    for (int i = 0; i < movieCount; i++) {
      UUID movie = UUID.randomUUID();
      sql.update("insert into billing.movie (id, title) values (?, ?)", movie, "Movie " + movie);
      sql.update(
          "insert into billing.product_movie (id, product_id, movie_id) values (?, ?, ?)",
          UUID.randomUUID(),
          product,
          movie);
      movies.add(movie);
    }
    return new Product(product, name, movies);
  }

  /** A movie that no product contains. */
  public UUID movieOutsideEveryProduct() throws SQLException {
    UUID movie = UUID.randomUUID();
    sql.update("insert into billing.movie (id, title) values (?, ?)", movie, "Lonely " + movie);
    return movie;
  }

  /** A product and the movies in it. */
  public record Product(UUID id, String name, List<UUID> movies) {

    public UUID firstMovie() {
      return movies.get(0);
    }
  }
}
