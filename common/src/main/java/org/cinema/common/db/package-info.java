/**
 * Database plumbing every deployable needs the same way: applying a schema's Flyway migrations at
 * deployment and reporting that schema's readiness to MicroProfile Health.
 */
package org.cinema.common.db;
