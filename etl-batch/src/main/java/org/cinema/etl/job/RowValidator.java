package org.cinema.etl.job;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Set;

/**
 * Checks a row against what billing needs beyond the content schema's own constraints (a real ISO
 * 4217 currency, since amounts go to providers in the currency's minor units). Pure: no I/O.
 */
@Named
@Dependent
public class RowValidator implements ItemProcessor {

  private static final Set<String> PERIODS = Set.of("day", "month");
  private static final Set<String> TYPES = Set.of("movie", "tv_show");

  @Override
  public Object processItem(Object item) throws InvalidRowException {
    CatalogRow row = (CatalogRow) item;
    switch (row.table()) {
      case MOVIE -> {
        requireText(row, "title");
        if (!TYPES.contains(String.valueOf(row.value("type")))) {
          throw new InvalidRowException(row, "unknown type " + row.value("type"));
        }
      }
      case PRODUCT -> {
        requireText(row, "name");
        if (!(row.value("price") instanceof BigDecimal price) || price.signum() <= 0) {
          throw new InvalidRowException(row, "price must be above zero");
        }
        if (!PERIODS.contains(String.valueOf(row.value("period")))) {
          throw new InvalidRowException(row, "unknown period " + row.value("period"));
        }
        try {
          Currency currency = Currency.getInstance(String.valueOf(row.value("currency")).trim());
          if (price.stripTrailingZeros().scale()
              > Math.max(currency.getDefaultFractionDigits(), 0)) {
            throw new InvalidRowException(row, "price has more decimals than " + currency);
          }
        } catch (IllegalArgumentException e) {
          throw new InvalidRowException(row, "not an ISO 4217 currency: " + row.value("currency"));
        }
      }
      case PRODUCT_MOVIE -> {}
    }
    return row;
  }

  private static void requireText(CatalogRow row, String column) throws InvalidRowException {
    Object value = row.value(column);
    if (value == null || value.toString().isBlank()) {
      throw new InvalidRowException(row, column + " is empty");
    }
  }
}
