/**
 * The catalog ETL as a Jakarta Batch job: chunk steps movies, products, links, each reading the
 * content schema by keyset after its watermark and upserting into billing in JDBC batches.
 */
package org.cinema.etl.job;
