/** What the integration tests share: the embedded PostgreSQL, the artifacts under test, HTTP. */
package org.cinema.it.support;
