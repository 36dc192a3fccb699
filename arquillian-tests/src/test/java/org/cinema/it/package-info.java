/**
 * Integration tests: each deployable as built, on Payara Micro against a real PostgreSQL, and the
 * run command as a newcomer would use it.
 */
package org.cinema.it;
