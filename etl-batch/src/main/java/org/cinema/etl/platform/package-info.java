/**
 * The ETL module's footing: data sources for the schema it reads ({@code content}) and the one it
 * writes ({@code billing}), and readiness checks for both. The ETL owns neither schema's
 * migrations: it is ready once their owners have migrated them.
 */
package org.cinema.etl.platform;
