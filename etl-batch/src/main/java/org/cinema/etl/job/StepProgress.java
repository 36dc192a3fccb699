package org.cinema.etl.job;

/**
 * What a step (or one partition of it) has done so far, shared through the step's transient user
 * data by its reader (rows read, the last one's key, skipped rows included), its skip listener and
 * its writer (rows actually changed).
 */
public final class StepProgress {

  private final CatalogTable table;
  private final IdRange range;
  private CatalogRow lastRead;
  private long read;
  private long skipped;
  private long changed;

  StepProgress(CatalogTable table, IdRange range) {
    this.table = table;
    this.range = range;
  }

  void read(CatalogRow row) {
    lastRead = row;
    read++;
  }

  void skipped() {
    skipped++;
  }

  void changed(long rows) {
    changed += rows;
  }

  public CatalogTable table() {
    return table;
  }

  /** The part of the table this step (or partition) copies. */
  public IdRange range() {
    return range;
  }

  /** The key of the last row read (skipped rows included), or null before the first. */
  public CatalogRow.Key lastRead() {
    return lastRead == null ? null : lastRead.key();
  }

  public long changed() {
    return changed;
  }

  /** The counts so far, as a value that can travel from a partition to its step. */
  public PartReport report() {
    return new PartReport(table, range, read, skipped, changed, lastRead());
  }
}
