package org.cinema.billing.catalog;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cinema.billing.error.BillingException;
import org.cinema.common.error.ErrorCode;

/** Reads the catalog: what is on sale, and what each product contains. */
@Stateless
public class CatalogService {

  @PersistenceContext private EntityManager em;

  /** Every product on sale, by name, each with its movies by title (two queries in all). */
  public List<ProductView> productsOnSale() {
    List<Product> products =
        em.createQuery(
                "select p from Product p where p.deletedAt is null order by p.name, p.id",
                Product.class)
            .getResultList();
    Map<UUID, List<ProductView.MovieRef>> movies = new LinkedHashMap<>();
    products.forEach(product -> movies.put(product.id(), new ArrayList<>()));
    List<Object[]> links =
        em.createNativeQuery(
                "select pm.product_id, m.id, m.title from billing.product_movie pm"
                    + " join billing.movie m on m.id = pm.movie_id"
                    + " join billing.product p on p.id = pm.product_id"
                    + " where pm.deleted_at is null and m.deleted_at is null"
                    + " and p.deleted_at is null order by m.title, m.id")
            .getResultList();
    for (Object[] link : links) {
      List<ProductView.MovieRef> productMovies = movies.get((UUID) link[0]);
      if (productMovies != null) {
        productMovies.add(new ProductView.MovieRef((UUID) link[1], (String) link[2]));
      }
    }
    return products.stream()
        .map(
            p ->
                new ProductView(
                    p.id(),
                    p.name(),
                    p.price(),
                    p.currency(),
                    p.period(),
                    List.copyOf(movies.get(p.id()))))
        .toList();
  }

  /** A product that is on sale, or PRODUCT_NOT_FOUND. */
  public Product getProductOnSale(UUID id) {
    return Optional.ofNullable(em.find(Product.class, id))
        .filter(product -> !product.deleted())
        .orElseThrow(
            () -> new BillingException(ErrorCode.PRODUCT_NOT_FOUND, "No such product: " + id));
  }
}
