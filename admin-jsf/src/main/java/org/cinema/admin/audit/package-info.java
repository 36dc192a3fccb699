/**
 * The audit trail: who (the manager logged in, never the billing account the panel calls billing
 * as) did what to money, the catalog or the managers, and when; written by the services that make
 * the changes and listed on the audit page.
 */
package org.cinema.admin.audit;
