package org.cinema.admin.web;

import java.util.List;
import java.util.function.Supplier;
import org.cinema.admin.billing.BillingRecords.Page;
import org.cinema.admin.billing.BillingUnavailable;

/** Pages of billing data for a lazy table; a billing API that does not answer shows a message. */
final class BillingPages {

  private BillingPages() {}

  /** The API's page number (from 1) holding row {@code first}. */
  static int pageOf(int first, int size) {
    return first / size + 1;
  }

  static <T> List<T> items(Supplier<Page<T>> request) {
    try {
      return request.get().items();
    } catch (BillingUnavailable e) {
      Messages.errorText(e.getMessage());
      return List.of();
    }
  }

  static <T> long total(Supplier<Page<T>> request) {
    try {
      return request.get().total();
    } catch (BillingUnavailable e) {
      return 0;
    }
  }
}
