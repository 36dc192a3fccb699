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

  private static final Set<String> PERIODS = Set.of("day", "month", "year");
  private static final Set<String> TYPES = Set.of("movie", "tv_show");

  @Override
  public Object processItem(Object item) throws InvalidRowException {
    CatalogRow row = (CatalogRow) item;
    switch (row.table()) {
      case MOVIE -> {
        requireText(row, "title");
        String type = row.text("type");
        if (!TYPES.contains(String.valueOf(type))) {
          throw new InvalidRowException(row, "unknown type " + type);
        }
      }
      case PRODUCT -> {
        requireText(row, "name");
        BigDecimal price = row.decimal("price");
        if (price == null || price.signum() <= 0) {
          throw new InvalidRowException(row, "price must be above zero");
        }
        String period = row.text("period");
        if (!PERIODS.contains(String.valueOf(period))) {
          throw new InvalidRowException(row, "unknown period " + period);
        }
        String code = row.text("currency");
        try {
          Currency currency = Currency.getInstance(String.valueOf(code).trim());
          if (price.stripTrailingZeros().scale()
              > Math.max(currency.getDefaultFractionDigits(), 0)) {
            throw new InvalidRowException(row, "price has more decimals than " + currency);
          }
        } catch (IllegalArgumentException e) {
          throw new InvalidRowException(row, "not an ISO 4217 currency: " + code);
        }
      }
      case PRODUCT_MOVIE -> {}
    }
    return row;
  }

  private static void requireText(CatalogRow row, String column) throws InvalidRowException {
    String value = row.text(column);
    if (value == null || value.isBlank()) {
      throw new InvalidRowException(row, column + " is empty");
    }
  }
}
