package org.cinema.admin.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cinema.admin.catalog.CatalogService;
import org.cinema.admin.catalog.Movie;
import org.cinema.admin.catalog.Product;

/**
 * The products page: search by name; a dialog with name, price, currency, period and the movies
 * (picked with an auto-complete over the catalog); delete after confirmation.
 */
@Named
@ViewScoped
public class ProductsView implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final int SUGGESTIONS = 20;

  @Inject private CatalogService catalog;

  private PagedModel<Product> products;
  private String name;

  private Product editing;
  private List<Movie> editingMovies = new ArrayList<>();
  private Product deleting;
  private Map<UUID, Long> movieCounts = Map.of();

  @PostConstruct
  void init() {
    products =
        new PagedModel<>(
            new PagedModel.Source<>() {
              private static final long serialVersionUID = 1L;

              @Override
              public long count() {
                return catalog.countProducts(name);
              }

              @Override
              public List<Product> page(int first, int size, String sort, boolean asc) {
                List<Product> page = catalog.products(name, first, size);
                movieCounts = catalog.movieCounts(page.stream().map(Product::getId).toList());
                return page;
              }
            },
            "name");
  }

  public void create() {
    editing = new Product();
    editingMovies = new ArrayList<>();
  }

  public void edit(Product product) {
    editing = catalog.findProduct(product.getId()).orElse(null);
    editingMovies = new ArrayList<>(catalog.moviesOf(product.getId()));
    if (editing == null) {
      Messages.error("product.gone");
    }
  }

  public void save() {
    boolean created = catalog.findProduct(editing.getId()).isEmpty();
    catalog.saveProduct(editing, editingMovies.stream().map(Movie::getId).toList());
    Messages.info(created ? "product.created" : "product.saved", editing.getName());
    editing = null;
  }

  /** Movies whose title contains what was typed, for the auto-complete. */
  public List<Movie> completeMovie(String query) {
    return catalog.moviesTitled(query, SUGGESTIONS);
  }

  /** The movie count of a product on the page shown (counted with the page, in one query). */
  public long movieCount(Product product) {
    return movieCounts.getOrDefault(product.getId(), 0L);
  }

  public void askDelete(Product product) {
    deleting = product;
  }

  public void delete() {
    if (deleting != null) {
      catalog.deleteProduct(deleting.getId());
      Messages.info("product.deleted", deleting.getName());
      deleting = null;
    }
  }

  public PagedModel<Product> getProducts() {
    return products;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Product getEditing() {
    return editing;
  }

  public List<Movie> getEditingMovies() {
    return editingMovies;
  }

  public void setEditingMovies(List<Movie> editingMovies) {
    this.editingMovies = editingMovies;
  }

  public Product getDeleting() {
    return deleting;
  }
}
