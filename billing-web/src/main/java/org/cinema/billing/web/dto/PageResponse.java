package org.cinema.billing.web.dto;

import java.util.List;
import java.util.function.Function;
import org.cinema.billing.platform.Page;

/**
 * One page of a list: {@code items}, {@code total} rows, {@code page} (from 1) of {@code pages}.
 */
public record PageResponse<T>(List<T> items, long total, int page, int size, long pages) {

  public static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> item) {
    return new PageResponse<>(
        page.items().stream().map(item).toList(),
        page.total(),
        page.page(),
        page.size(),
        page.pages());
  }
}
