package org.cinema.etl.job;

import java.io.Serializable;

/**
 * How far one partition of a step has got, counted from its start: what its collector sends to the
 * step's thread after every chunk ({@link PartitionProgress}).
 */
public record PartReport(
    CatalogTable table,
    IdRange range,
    long read,
    long skipped,
    long changed,
    CatalogRow.Key lastRead)
    implements Serializable {}
