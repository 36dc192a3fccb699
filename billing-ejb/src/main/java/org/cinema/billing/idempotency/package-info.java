/**
 * Idempotency keys: a mutating request sent again with the same key gets the first response again
 * instead of acting twice; the same key with another request is refused.
 */
package org.cinema.billing.idempotency;
