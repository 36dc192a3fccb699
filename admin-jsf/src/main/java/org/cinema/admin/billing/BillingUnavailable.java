package org.cinema.admin.billing;

/** billing-web (or the ETL) could not be asked, or refused; the message says why, for the page. */
public class BillingUnavailable extends RuntimeException {

  public BillingUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
