package org.cinema.admin.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cinema.admin.catalog.CatalogService;
import org.cinema.admin.catalog.Movie;
import org.cinema.admin.catalog.MovieFilter;
import org.cinema.admin.catalog.Product;

/**
 * The movies page: a lazy table filtered by text and type, sortable by its columns; a dialog to
 * create or edit a movie, including the products it belongs to; delete after confirmation.
 */
@Named
@ViewScoped
public class MoviesView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private CatalogService catalog;

  private PagedModel<Movie> movies;
  private String text;
  private String type;

  private Movie editing;
  private List<String> editingProducts = new ArrayList<>();
  private Movie deleting;

  @PostConstruct
  void init() {
    movies =
        new PagedModel<>(
            new PagedModel.Source<>() {
              private static final long serialVersionUID = 1L;

              @Override
              public long count() {
                return catalog.countMovies(filter());
              }

              @Override
              public List<Movie> page(int first, int size, String sort, boolean asc) {
                return catalog.movies(filter(), first, size, sort, asc);
              }
            },
            "title");
  }

  private MovieFilter filter() {
    return new MovieFilter(text, type);
  }

  public void create() {
    editing = new Movie();
    editingProducts = new ArrayList<>();
  }

  public void edit(Movie movie) {
    editing = catalog.findMovie(movie.getId()).orElse(null);
    editingProducts =
        catalog.productsOf(movie.getId()).stream()
            .map(p -> p.getId().toString())
            .collect(Collectors.toCollection(ArrayList::new));
    if (editing == null) {
      Messages.error("movie.gone");
    }
  }

  public void save() {
    boolean created = catalog.findMovie(editing.getId()).isEmpty();
    catalog.saveMovie(editing, editingProducts.stream().map(UUID::fromString).toList());
    Messages.info(created ? "movie.created" : "movie.saved", editing.getTitle());
    editing = null;
  }

  public void askDelete(Movie movie) {
    deleting = movie;
  }

  /** How many products the movie being deleted is in, for the confirmation. */
  public int getDeletingUsage() {
    return deleting == null ? 0 : catalog.productsOf(deleting.getId()).size();
  }

  public void delete() {
    if (deleting != null) {
      catalog.deleteMovie(deleting.getId());
      Messages.info("movie.deleted", deleting.getTitle());
      deleting = null;
    }
  }

  public List<Product> getAllProducts() {
    return catalog.allProducts();
  }

  public PagedModel<Movie> getMovies() {
    return movies;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public Movie getEditing() {
    return editing;
  }

  public List<String> getEditingProducts() {
    return editingProducts;
  }

  public void setEditingProducts(List<String> editingProducts) {
    this.editingProducts = editingProducts;
  }

  public Movie getDeleting() {
    return deleting;
  }
}
