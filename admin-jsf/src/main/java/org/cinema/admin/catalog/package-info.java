/**
 * The content catalog managers edit: movies, products (priced bundles of movies) and which movies a
 * product contains. Deletions are soft ({@code deleted_at}) and every change moves {@code
 * updated_at}, so the ETL carries edits and deletions into billing.
 */
package org.cinema.admin.catalog;
