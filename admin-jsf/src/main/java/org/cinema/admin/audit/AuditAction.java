package org.cinema.admin.audit;

/** What the audit trail records; the code is what the audit page shows and filters by. */
public enum AuditAction {
  REFUND("refund", "payment"),
  REFUND_REFUSED("refund.refused", "payment"),
  MOVIE_CREATE("movie.create", "movie"),
  MOVIE_EDIT("movie.edit", "movie"),
  MOVIE_DELETE("movie.delete", "movie"),
  PRODUCT_CREATE("product.create", "product"),
  PRODUCT_EDIT("product.edit", "product"),
  PRODUCT_DELETE("product.delete", "product"),
  MANAGER_ADD("manager.add", "manager"),
  MANAGER_ACTIVATE("manager.activate", "manager"),
  MANAGER_DEACTIVATE("manager.deactivate", "manager"),
  MANAGER_PASSWORD("manager.password", "manager"),
  ETL_RUN("etl.run", "etl-run"),
  RENEWAL_RUN("renewal.run", "renewal-run"),
  NOTIFICATION_RETRY("notification.retry", "notification"),
  WEBHOOK_ENDPOINT_CREATE("webhook-endpoint.create", "webhook-endpoint"),
  WEBHOOK_ENDPOINT_DISABLE("webhook-endpoint.disable", "webhook-endpoint"),
  WEBHOOK_ENDPOINT_ENABLE("webhook-endpoint.enable", "webhook-endpoint"),
  WEBHOOK_ENDPOINT_DELETE("webhook-endpoint.delete", "webhook-endpoint");

  private final String code;
  private final String targetType;

  AuditAction(String code, String targetType) {
    this.code = code;
    this.targetType = targetType;
  }

  public String code() {
    return code;
  }

  public String targetType() {
    return targetType;
  }
}
