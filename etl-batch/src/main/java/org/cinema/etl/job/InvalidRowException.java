package org.cinema.etl.job;

/** A source row billing cannot take; the step skips it, counts it and logs its id. */
public class InvalidRowException extends Exception {

  public InvalidRowException(CatalogRow row, String reason) {
    super(row.table().tableName() + " " + row.id() + ": " + reason);
  }
}
