/** The {@code Idempotency-Key} header on mutating endpoints, as a JAX-RS filter. */
package org.cinema.billing.web.idempotency;
