/**
 * Billing data as the admin panel sees it: read and changed only through billing-web's admin API (a
 * MicroProfile REST Client logged in as the billing administrator), and the ETL's run list, so each
 * module keeps its own data.
 */
package org.cinema.admin.billing;
