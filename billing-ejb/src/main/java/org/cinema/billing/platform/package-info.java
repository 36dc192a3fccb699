/**
 * The billing module's footing: its PostgreSQL data source, the Flyway migration of the {@code
 * billing} schema at deployment, and the readiness check that reports it.
 */
package org.cinema.billing.platform;
