/**
 * The run command: starts PostgreSQL (embedded unless an external one is configured), then Payara
 * Micro with the three WARs, waits until every module reports ready, prints the URLs, and stops
 * both cleanly on Ctrl-C.
 */
package org.cinema.launcher;
