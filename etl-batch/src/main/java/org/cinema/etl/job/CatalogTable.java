package org.cinema.etl.job;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The three tables the ETL copies, in the order it copies them (links need their product and movie
 * first): the columns, and the statements that read a page from {@code content} and upsert a row
 * into {@code billing}.
 */
public enum CatalogTable {
  MOVIE(
      "movie",
      List.of(
          "id",
          "title",
          "description",
          "creation_date",
          "rating",
          "type",
          "created_at",
          "updated_at",
          "deleted_at")),
  PRODUCT(
      "product",
      List.of(
          "id",
          "name",
          "description",
          "price",
          "currency",
          "period",
          "created_at",
          "updated_at",
          "deleted_at")),
  PRODUCT_MOVIE(
      "product_movie",
      List.of("id", "product_id", "movie_id", "created_at", "updated_at", "deleted_at"));

  private final String table;
  private final List<String> columns;

  CatalogTable(String table, List<String> columns) {
    this.table = table;
    this.columns = columns;
  }

  public String tableName() {
    return table;
  }

  public List<String> columns() {
    return columns;
  }

  public int columnIndex(String column) {
    return columns.indexOf(column);
  }

  /**
   * The next page after a key, as a binary COPY of the rows of one id range ordered by (updated_at,
   * id), the keyset index. COPY takes no bind parameters, so the key and bounds are written in as
   * literals: typed values (a timestamp and UUIDs), never text from outside.
   */
  public String copyPage(CatalogRow.Key after, int limit, IdRange range) {
    return "copy (select "
        + String.join(", ", columns)
        + " from content."
        + table
        + " where (updated_at, id) > ('"
        + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(after.updatedAt())
        + "'::timestamptz, '"
        + after.id()
        + "'::uuid)"
        + range.condition()
        + " order by updated_at, id limit "
        + limit
        + ") to stdout with (format binary)";
  }

  /** The session's staging table a chunk is copied into before the upsert. */
  public String stagingTable() {
    return "etl_staging_" + table;
  }

  /** Creates the staging table for this session, emptied at every commit. */
  public String createStaging() {
    return "create temp table if not exists "
        + stagingTable()
        + " (like billing."
        + table
        + " including defaults) on commit delete rows";
  }

  /**
   * Streams a chunk into the staging table, in the binary format the source's COPY wrote it in (the
   * columns have the same types on both sides).
   */
  public String copyIntoStaging() {
    return "copy "
        + stagingTable()
        + " ("
        + String.join(", ", columns)
        + ") from stdin with (format binary)";
  }

  /**
   * Upserts the staged chunk into billing in one statement. A row whose {@code updated_at} is
   * unchanged is left alone, so a re-read row writes nothing and the statement's row count is the
   * number of rows that really changed. A link whose product or movie is not in billing (it was
   * skipped) is not written.
   */
  public String upsertFromStaging() {
    String list = String.join(", ", columns);
    String updates =
        String.join(", ", columns.stream().skip(1).map(c -> c + " = excluded." + c).toList());
    String parentsPresent =
        this == PRODUCT_MOVIE
            ? " where exists (select 1 from billing.product p where p.id = s.product_id)"
                + " and exists (select 1 from billing.movie m where m.id = s.movie_id)"
            : "";
    return "insert into billing."
        + table
        + " ("
        + list
        + ", synced_at) select "
        + list
        + ", now() from "
        + stagingTable()
        + " s"
        + parentsPresent
        + " on conflict (id) do update set "
        + updates
        + ", synced_at = now() where billing."
        + table
        + ".updated_at is distinct from excluded.updated_at";
  }
}
