package org.cinema.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.cinema.admin.catalog.CatalogService;
import org.cinema.admin.catalog.Movie;
import org.cinema.admin.catalog.MovieFilter;
import org.cinema.admin.catalog.Product;
import org.cinema.admin.manager.ManagerException;
import org.cinema.admin.manager.ManagerService;
import org.cinema.it.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * admin-jsf's services inside Payara Micro (the built WAR plus this class), on the admin
 * container's own database: the catalog's create/edit/search/delete and link rules, the entity
 * validation the forms rely on, the managers' rules, and the audit trail written with each change.
 * Runs in the server, so it asserts with JUnit and reads rows through the module's own data source.
 */
@ExtendWith(ArquillianExtension.class)
class AdminServicesIT {

  @Inject private CatalogService catalog;

  @Inject private ManagerService managers;

  @Inject private Validator validator;

  @Resource(lookup = "java:app/jdbc/content")
  private DataSource content;

  /**
   * The built WAR with this class, and a web fragment that opens Arquillian's test-runner servlet
   * (every other URL of the admin needs a login, which the runner does not have).
   */
  @Deployment
  @TargetsContainer("admin")
  static WebArchive adminWithThisTest() {
    JavaArchive openRunner =
        ShrinkWrap.create(JavaArchive.class, "arquillian-runner-open.jar")
            .addAsManifestResource(
                new StringAsset(
                    "<web-fragment xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">"
                        + "<name>arquillianRunnerOpen</name><security-constraint>"
                        + "<web-resource-collection><web-resource-name>runner</web-resource-name>"
                        + "<url-pattern>/ArquillianServletRunnerEE9</url-pattern>"
                        + "</web-resource-collection></security-constraint></web-fragment>"),
                "web-fragment.xml");
    return Deployments.builtWar("admin-jsf.war")
        .addClass(AdminServicesIT.class)
        .addAsLibrary(openRunner);
  }

  @Test
  void aMovieIsCreatedFoundEditedAndDeletedSoftly() throws Exception {
    String word = unique();
    Movie movie = movie("The " + word + " affair", 64, "tv_show");
    movie.setDescription("A story about " + word);
    catalog.saveMovie(movie, List.of());

    MovieFilter byWord = new MovieFilter(word.toUpperCase(), null);
    assertEquals(1, catalog.countMovies(byWord), "found by title, ignoring case");
    assertEquals(1, catalog.countMovies(new MovieFilter(word, "tv_show")));
    assertEquals(0, catalog.countMovies(new MovieFilter(word, "movie")), "type filter");
    assertEquals(
        List.of(movie.getId()),
        catalog.movies(byWord, 0, 10, "rating", false).stream().map(Movie::getId).toList());

    Movie edited = catalog.findMovie(movie.getId()).orElseThrow();
    edited.setRating(65);
    catalog.saveMovie(edited, List.of());
    assertEquals(
        "65 true",
        row(
            "select rating || ' ' || (updated_at > created_at)::text from content.movie"
                + " where id = ?",
            movie.getId()),
        "an edit moves updated_at, so the ETL sees it");

    catalog.deleteMovie(movie.getId());
    assertEquals(0, catalog.countMovies(byWord), "gone from the list");
    assertTrue(catalog.findMovie(movie.getId()).isEmpty());
    assertEquals(
        "true",
        row("select (deleted_at is not null)::text from content.movie where id = ?", movie.getId()),
        "the row stays, marked deleted, for the ETL");
  }

  @Test
  void searchTextIsNotAPattern() {
    String word = unique();
    catalog.saveMovie(movie("100% " + word, 10, "movie"), List.of());
    catalog.saveMovie(movie("100 " + word, 10, "movie"), List.of());

    assertEquals(1, catalog.countMovies(new MovieFilter("100% " + word, null)));
    assertEquals(0, catalog.countMovies(new MovieFilter("_00 " + word, null)));
  }

  @Test
  void aProductsMoviesFollowTheChoiceAndARemovedOneComesBackOnTheSameLink() throws Exception {
    Movie a = catalog.saveMovie(movie("A " + unique(), 50, "movie"), List.of());
    Movie b = catalog.saveMovie(movie("B " + unique(), 50, "movie"), List.of());
    Movie c = catalog.saveMovie(movie("C " + unique(), 50, "movie"), List.of());
    Product product = product("Pack " + unique(), "199.00");
    catalog.saveProduct(product, List.of(a.getId(), b.getId()));
    String linkToA =
        row(
            "select id::text from content.product_movie where product_id = ? and movie_id = ?",
            product.getId(),
            a.getId());

    catalog.saveProduct(catalog.findProduct(product.getId()).orElseThrow(), ids(b, c));
    assertEquals(titles(b, c), titles(catalog.moviesOf(product.getId())));

    catalog.saveProduct(catalog.findProduct(product.getId()).orElseThrow(), ids(a, b, c));
    assertEquals(titles(a, b, c), titles(catalog.moviesOf(product.getId())));
    assertEquals(
        linkToA,
        row(
            "select id::text from content.product_movie where product_id = ? and movie_id = ?"
                + " and deleted_at is null",
            product.getId(),
            a.getId()),
        "the same link row is restored, so the ETL updates it rather than adding a second");

    assertEquals(
        List.of(product.getName()),
        catalog.productsOf(a.getId()).stream().map(Product::getName).toList());
    Movie withProducts = catalog.findMovie(a.getId()).orElseThrow();
    catalog.saveMovie(withProducts, List.of());
    assertTrue(catalog.productsOf(a.getId()).isEmpty(), "edited from the movie's side");
  }

  @Test
  void deletingAProductTakesItOffSaleAndRemovesItsLinks() throws Exception {
    Movie movie = catalog.saveMovie(movie("Kept " + unique(), 5, "movie"), List.of());
    Product product = product("Gone " + unique(), "99.99");
    catalog.saveProduct(product, List.of(movie.getId()));

    catalog.deleteProduct(product.getId());

    assertTrue(catalog.findProduct(product.getId()).isEmpty());
    assertEquals(0, catalog.countProducts(product.getName()));
    assertEquals(
        "0",
        row(
            "select count(*)::text from content.product_movie where product_id = ?"
                + " and deleted_at is null",
            product.getId()));
    assertTrue(catalog.findMovie(movie.getId()).isPresent(), "the movie itself stays");
  }

  @Test
  void theFormsValidationRules() {
    assertEquals(Set.of(), messages(movie("Fine", 0, "movie")));
    assertEquals(Set.of("Title is required."), messages(movie("  ", 50, "movie")));
    assertEquals(
        Set.of("Title is at most 255 characters."), messages(movie("x".repeat(256), 50, "movie")));
    assertEquals(
        Set.of("Rating is a whole number from 0 to 100."), messages(movie("Fine", 101, "movie")));
    assertEquals(
        Set.of("Rating is a whole number from 0 to 100."), messages(movie("Fine", -1, "movie")));
    assertEquals(Set.of("Type is movie or TV show."), messages(movie("Fine", 1, "cartoon")));

    assertEquals(Set.of(), messages(product("Fine", "0.01")));
    assertEquals(Set.of("Price must be more than 0."), messages(product("Fine", "0.00")));
    assertEquals(Set.of("Price has at most two decimals."), messages(product("Fine", "1.234")));
    assertEquals(Set.of("Name is required."), messages(product("", "10.00")));
    Product badCurrency = product("Fine", "10.00");
    badCurrency.setCurrency("RUBL");
    assertEquals(
        Set.of("Currency is a three-letter ISO code, such as RUB."), messages(badCurrency));
    Product badPeriod = product("Fine", "10.00");
    badPeriod.setPeriod("week");
    assertEquals(Set.of("Period is day, month or year."), messages(badPeriod));
    Product yearly = product("Fine", "10.00");
    yearly.setPeriod("year");
    assertEquals(Set.of(), messages(yearly));
  }

  @Test
  void managersHaveUniqueNamesHashedPasswordsAndTheLastSuperuserStays() throws Exception {
    String name = "manager-" + unique();
    managers.add(name, "A Manager", "long-enough-password", false);

    ManagerException taken =
        assertThrows(
            ManagerException.class,
            () -> managers.add(name.toUpperCase(), null, "another-password", false));
    assertEquals("manager.username.taken", taken.messageKey());
    assertEquals(
        "manager.password.short",
        assertThrows(ManagerException.class, () -> managers.add("x" + name, null, "short", false))
            .messageKey());
    String hash = row("select password_hash from content.manager where username = ?", name);
    assertTrue(hash.startsWith("PBKDF2WithHmacSHA256:"), hash);
    assertFalse(hash.contains("long-enough-password"));

    String boss = "boss-" + unique();
    managers.add(boss, null, "long-enough-password", true);
    UUID bossId = managers.find(boss).orElseThrow().getId();
    List<UUID> otherSuperusers = new ArrayList<>();
    for (var manager : managers.all()) {
      if (manager.isSuperuser() && manager.isActive() && !manager.getId().equals(bossId)) {
        managers.setActive(manager.getId(), false);
        otherSuperusers.add(manager.getId());
      }
    }
    try {
      assertEquals(
          "manager.last.superuser",
          assertThrows(ManagerException.class, () -> managers.setActive(bossId, false))
              .messageKey());
    } finally {
      otherSuperusers.forEach(id -> managers.setActive(id, true));
    }
  }

  @Test
  void changesAreAuditedInTheirOwnTransaction() throws Exception {
    Movie movie = movie("Audited " + unique(), 50, "movie");
    catalog.saveMovie(movie, List.of());
    assertEquals(
        "movie.create system",
        row(
            "select action || ' ' || actor from content.audit_event where target_id = ?",
            movie.getId().toString()),
        "no manager logged in here: the actor is the system");

    // The link to a movie that does not exist fails at commit, after the event was written:
    // the product and its event go together.
    Product product = product("Broken " + unique(), "10.00");
    assertThrows(Exception.class, () -> catalog.saveProduct(product, List.of(UUID.randomUUID())));
    assertEquals(
        "0 0",
        row(
            "select (select count(*) from content.product where id = ?) || ' '"
                + " || (select count(*) from content.audit_event where target_id = ?)",
            product.getId(),
            product.getId().toString()));
  }

  @Test
  void aPasswordChangeOrADeactivationMovesTheSessionVersion() throws Exception {
    String name = "versioned-" + unique();
    managers.add(name, null, "long-enough-password", false);
    UUID id = managers.find(name).orElseThrow().getId();
    long atLogin = managers.sessionVersion(name).orElseThrow();

    assertEquals(
        "manager.password.wrong",
        assertThrows(
                ManagerException.class,
                () -> managers.changeOwnPassword(name, "not-it", "another-long-password"))
            .messageKey());
    assertEquals(atLogin, managers.sessionVersion(name).orElseThrow(), "nothing changed");
    long own = managers.changeOwnPassword(name, "long-enough-password", "another-long-password");
    assertEquals(atLogin + 1, own);
    assertEquals(own + 1, managers.setPassword(id, "a-third-long-password"));
    managers.setActive(id, false);
    assertTrue(managers.sessionVersion(name).isEmpty(), "inactive: no session of it goes on");
    assertEquals(
        "manager.add,manager.password,manager.password,manager.deactivate",
        row(
            "select string_agg(action, ',' order by id) from content.audit_event"
                + " where target_id = ?",
            id.toString()));
  }

  // ---------------------------------------------------------------------------------------------

  private Set<String> messages(Object bean) {
    return validator.validate(bean).stream()
        .map(ConstraintViolation::getMessage)
        .collect(Collectors.toSet());
  }

  private static Movie movie(String title, int rating, String type) {
    Movie movie = new Movie();
    movie.setTitle(title);
    movie.setRating(rating);
    movie.setType(type);
    return movie;
  }

  private static Product product(String name, String price) {
    Product product = new Product();
    product.setName(name);
    product.setPrice(new BigDecimal(price));
    product.setCurrency("RUB");
    product.setPeriod("month");
    return product;
  }

  private static List<UUID> ids(Movie... movies) {
    return List.of(movies).stream().map(Movie::getId).toList();
  }

  private static List<String> titles(Movie... movies) {
    return titles(List.of(movies));
  }

  private static List<String> titles(List<Movie> movies) {
    return movies.stream().map(Movie::getTitle).sorted().toList();
  }

  private String row(String sql, Object... parameters) throws SQLException {
    try (Connection connection = content.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        assertTrue(rows.next(), "no row for " + sql);
        String value = rows.getString(1);
        assertNotNull(value, sql);
        return value;
      }
    }
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
