package org.cinema.admin.catalog;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cinema.admin.audit.AuditAction;
import org.cinema.admin.audit.AuditTrail;

/**
 * Movies, products and the links between them, as managers edit them. Deleting is soft: the row
 * stays with {@code deleted_at} set (and its links removed the same way), so the ETL carries the
 * deletion into billing and paid subscriptions keep their records. Every change is audited in its
 * own transaction.
 */
@Stateless
public class CatalogService {

  /** Columns the movie list may be sorted by (entity attribute names). */
  public static final Set<String> MOVIE_SORTS =
      Set.of("title", "type", "creationDate", "rating", "updatedAt");

  @PersistenceContext private EntityManager em;

  @Inject private Clock clock;

  @Inject private AuditTrail audit;

  // ---- movies -------------------------------------------------------------------------------

  public List<Movie> movies(MovieFilter filter, int first, int size, String sort, boolean asc) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Movie> query = cb.createQuery(Movie.class);
    Root<Movie> movie = query.from(Movie.class);
    String by = MOVIE_SORTS.contains(sort) ? sort : "title";
    Order order = asc ? cb.asc(movie.get(by)) : cb.desc(movie.get(by));
    query.select(movie).where(filter.where(cb, movie)).orderBy(order, cb.asc(movie.get("id")));
    return em.createQuery(query).setFirstResult(first).setMaxResults(size).getResultList();
  }

  public long countMovies(MovieFilter filter) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> query = cb.createQuery(Long.class);
    Root<Movie> movie = query.from(Movie.class);
    query.select(cb.count(movie)).where(filter.where(cb, movie));
    return em.createQuery(query).getSingleResult();
  }

  /** Movies whose title contains {@code text}, for pickers; at most {@code limit}. */
  public List<Movie> moviesTitled(String text, int limit) {
    return movies(new MovieFilter(text, null), 0, limit, "title", true);
  }

  public Optional<Movie> findMovie(UUID id) {
    return Optional.ofNullable(em.find(Movie.class, id)).filter(movie -> !movie.isDeleted());
  }

  /** Saves the movie and puts it into exactly these products (the form's inline list). */
  public Movie saveMovie(Movie movie, Collection<UUID> productIds) {
    Movie saved;
    boolean created = em.find(Movie.class, movie.getId()) == null;
    if (created) {
      em.persist(movie);
      saved = movie;
    } else {
      saved = em.merge(movie);
    }
    em.flush();
    UUID movieId = saved.getId();
    sync(linksOfMovie(movieId), ProductMovie::productId, productIds, p -> link(p, movieId));
    audit.record(
        created ? AuditAction.MOVIE_CREATE : AuditAction.MOVIE_EDIT,
        movieId,
        String.format(
            "\"%s\", %s, rating %s, products %s",
            saved.getTitle(), saved.getType(), saved.getRating(), sorted(productIds)));
    return saved;
  }

  /** Deletes the movie and takes it out of every product. */
  public void deleteMovie(UUID id) {
    findMovie(id)
        .ifPresent(
            movie -> {
              OffsetDateTime now = now();
              movie.delete(now);
              linksOfMovie(id).stream().filter(ProductMovie::isLive).forEach(l -> l.remove(now));
              audit.record(AuditAction.MOVIE_DELETE, id, "\"" + movie.getTitle() + "\"");
            });
  }

  /** The products a movie is in now. */
  public List<Product> productsOf(UUID movieId) {
    return em.createQuery(
            "select p from Product p, ProductMovie l where l.productId = p.id"
                + " and l.movieId = :movie and l.deletedAt is null and p.deletedAt is null"
                + " order by p.name",
            Product.class)
        .setParameter("movie", movieId)
        .getResultList();
  }

  // ---- products -----------------------------------------------------------------------------

  public List<Product> products(String name, int first, int size) {
    return em.createQuery(
            "select p from Product p where p.deletedAt is null"
                + " and (:name = '' or lower(p.name) like :pattern escape '\\')"
                + " order by p.name, p.id",
            Product.class)
        .setParameter("name", blankToEmpty(name))
        .setParameter("pattern", pattern(name))
        .setFirstResult(first)
        .setMaxResults(size)
        .getResultList();
  }

  public long countProducts(String name) {
    return em.createQuery(
            "select count(p) from Product p where p.deletedAt is null"
                + " and (:name = '' or lower(p.name) like :pattern escape '\\')",
            Long.class)
        .setParameter("name", blankToEmpty(name))
        .setParameter("pattern", pattern(name))
        .getSingleResult();
  }

  public List<Product> allProducts() {
    return em.createQuery(
            "select p from Product p where p.deletedAt is null order by p.name", Product.class)
        .getResultList();
  }

  public Optional<Product> findProduct(UUID id) {
    return Optional.ofNullable(em.find(Product.class, id)).filter(p -> !p.isDeleted());
  }

  /** The movies in a product now. */
  public List<Movie> moviesOf(UUID productId) {
    return em.createQuery(
            "select m from Movie m, ProductMovie l where l.movieId = m.id"
                + " and l.productId = :product and l.deletedAt is null and m.deletedAt is null"
                + " order by m.title",
            Movie.class)
        .setParameter("product", productId)
        .getResultList();
  }

  /** How many (live) movies each of these products has, in one query; absent means none. */
  public Map<UUID, Long> movieCounts(Collection<UUID> productIds) {
    if (productIds.isEmpty()) {
      return Map.of();
    }
    return em.createQuery(
            "select l.productId, count(m) from ProductMovie l, Movie m where l.movieId = m.id"
                + " and l.productId in :products and l.deletedAt is null and m.deletedAt is null"
                + " group by l.productId",
            Object[].class)
        .setParameter("products", productIds)
        .getResultStream()
        .collect(Collectors.toMap(row -> (UUID) row[0], row -> ((Number) row[1]).longValue()));
  }

  /** Saves the product with exactly these movies. */
  public Product saveProduct(Product product, Collection<UUID> movieIds) {
    Product saved;
    boolean created = em.find(Product.class, product.getId()) == null;
    if (created) {
      em.persist(product);
      saved = product;
    } else {
      saved = em.merge(product);
    }
    em.flush();
    UUID productId = saved.getId();
    sync(linksOfProduct(productId), ProductMovie::movieId, movieIds, m -> link(productId, m));
    audit.record(
        created ? AuditAction.PRODUCT_CREATE : AuditAction.PRODUCT_EDIT,
        productId,
        String.format(
            "\"%s\", %s %s per %s, movies %s",
            saved.getName(),
            saved.getPrice(),
            saved.getCurrency(),
            saved.getPeriod(),
            sorted(movieIds)));
    return saved;
  }

  /** Deletes the product (no longer sold; subscriptions already paid keep their records). */
  public void deleteProduct(UUID id) {
    findProduct(id)
        .ifPresent(
            product -> {
              OffsetDateTime now = now();
              product.delete(now);
              linksOfProduct(id).stream().filter(ProductMovie::isLive).forEach(l -> l.remove(now));
              audit.record(AuditAction.PRODUCT_DELETE, id, "\"" + product.getName() + "\"");
            });
  }

  // ---- links --------------------------------------------------------------------------------

  /**
   * Makes the live links exactly {@code wanted}: new ones inserted, removed ones restored, others
   * removed. Untouched links are not written, so the ETL sees only real changes.
   */
  private void sync(
      List<ProductMovie> links,
      Function<ProductMovie, UUID> other,
      Collection<UUID> wanted,
      Function<UUID, ProductMovie> create) {
    Set<UUID> want = new HashSet<>(wanted);
    Map<UUID, ProductMovie> existing =
        links.stream().collect(Collectors.toMap(other, Function.identity()));
    OffsetDateTime now = now();
    for (ProductMovie link : links) {
      boolean keep = want.contains(other.apply(link));
      if (keep && !link.isLive()) {
        link.restore();
      } else if (!keep && link.isLive()) {
        link.remove(now);
      }
    }
    want.stream().filter(id -> !existing.containsKey(id)).map(create).forEach(em::persist);
  }

  private ProductMovie link(UUID productId, UUID movieId) {
    return new ProductMovie(productId, movieId);
  }

  private List<ProductMovie> linksOfMovie(UUID movieId) {
    return em.createQuery("select l from ProductMovie l where l.movieId = :id", ProductMovie.class)
        .setParameter("id", movieId)
        .getResultList();
  }

  private List<ProductMovie> linksOfProduct(UUID productId) {
    return em.createQuery(
            "select l from ProductMovie l where l.productId = :id", ProductMovie.class)
        .setParameter("id", productId)
        .getResultList();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  private static List<UUID> sorted(Collection<UUID> ids) {
    return ids.stream().distinct().sorted().toList();
  }

  private static String blankToEmpty(String text) {
    return text == null ? "" : text.strip();
  }

  private static String pattern(String text) {
    return "%" + Likes.escape(blankToEmpty(text).toLowerCase()) + "%";
  }
}
