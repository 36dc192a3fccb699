package org.cinema.etl.job;

/**
 * What a step has done so far, shared by its reader (the last key read, skipped rows included) and
 * its writer (rows actually changed) through the step's transient user data.
 */
public final class StepProgress {

  private final CatalogTable table;
  private CatalogRow lastRead;
  private long changed;

  StepProgress(CatalogTable table) {
    this.table = table;
  }

  void read(CatalogRow row) {
    lastRead = row;
  }

  void changed(long rows) {
    changed += rows;
  }

  public CatalogTable table() {
    return table;
  }

  /** The key of the last row read (skipped rows included), or null before the first. */
  public CatalogRow.Key lastRead() {
    return lastRead == null ? null : lastRead.key();
  }

  public long changed() {
    return changed;
  }
}
