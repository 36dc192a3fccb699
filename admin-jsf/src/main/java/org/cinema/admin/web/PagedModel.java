package org.cinema.admin.web;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A lazy PrimeFaces table model over any source that can count and page with the same filter (the
 * view bean's own filter fields), so the paginator stays right while filtering.
 */
public class PagedModel<T> extends LazyDataModel<T> {

  private static final long serialVersionUID = 1L;

  /** Where the rows come from. */
  public interface Source<T> extends Serializable {
    long count();

    List<T> page(int first, int size, String sortField, boolean ascending);
  }

  private final Source<T> source;
  private final String defaultSort;

  public PagedModel(Source<T> source, String defaultSort) {
    this.source = source;
    this.defaultSort = defaultSort;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) Math.min(Integer.MAX_VALUE, source.count());
  }

  @Override
  public List<T> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    SortMeta sort = sortBy == null ? null : sortBy.values().stream().findFirst().orElse(null);
    if (sort == null || sort.getOrder().isUnsorted()) {
      return source.page(first, pageSize, defaultSort, true);
    }
    return source.page(first, pageSize, sort.getField(), sort.getOrder().isAscending());
  }
}
