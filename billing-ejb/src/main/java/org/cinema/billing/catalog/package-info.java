/**
 * The catalog as billing sees it: movies, products and which movies a product contains, copied from
 * the admin's content schema by the ETL and read-only here.
 */
package org.cinema.billing.catalog;
