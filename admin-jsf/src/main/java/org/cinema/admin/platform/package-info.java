/**
 * The admin module's footing: the {@code content} data source, its Flyway migration (with the demo
 * catalog when asked for) and the readiness check that reports it.
 */
package org.cinema.admin.platform;
