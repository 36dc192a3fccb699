package org.cinema.admin.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import jakarta.inject.Inject;
import java.util.UUID;
import org.cinema.admin.catalog.CatalogService;
import org.cinema.admin.catalog.Movie;

/** A movie in a picker: its id on the page, the movie (through the catalog) in the bean. */
@ApplicationScoped
@FacesConverter(value = "movieConverter", managed = true)
public class MovieConverter implements Converter<Movie> {

  @Inject private CatalogService catalog;

  @Override
  public Movie getAsObject(FacesContext context, UIComponent component, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return catalog.findMovie(UUID.fromString(value)).orElse(null);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, Movie movie) {
    return movie == null ? "" : movie.getId().toString();
  }
}
