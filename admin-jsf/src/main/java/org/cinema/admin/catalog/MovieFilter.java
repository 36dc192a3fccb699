package org.cinema.admin.catalog;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;

/**
 * What the movie list is narrowed to: words in the title or description, and a type. One predicate
 * serves both the page and its count, so the paginator is right under any filter.
 *
 * @param text matched case-insensitively anywhere in the title or description; blank: any
 * @param type {@code movie} or {@code tv_show}; blank: any
 */
public record MovieFilter(String text, String type) {

  public static final MovieFilter NONE = new MovieFilter(null, null);

  Predicate[] where(CriteriaBuilder cb, Root<Movie> movie) {
    List<Predicate> where = new ArrayList<>();
    where.add(cb.isNull(movie.get("deletedAt")));
    if (text != null && !text.isBlank()) {
      String pattern = "%" + Likes.escape(text.strip().toLowerCase()) + "%";
      where.add(
          cb.or(
              cb.like(cb.lower(movie.get("title")), pattern, Likes.ESCAPE),
              cb.like(cb.lower(movie.get("description")), pattern, Likes.ESCAPE)));
    }
    if (type != null && !type.isBlank()) {
      where.add(cb.equal(movie.get("type"), type));
    }
    return where.toArray(Predicate[]::new);
  }
}
