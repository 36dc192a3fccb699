/**
 * Viewer accounts: registration, password checks (PBKDF2) and the RS256 access tokens that
 * MicroProfile JWT verifies on every protected endpoint.
 */
package org.cinema.billing.account;
