package org.cinema.billing.web.idempotency;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint whose requests may carry an {@code Idempotency-Key}, handled by {@link
 * IdempotencyFilter}. Such an endpoint also declares the header as a parameter it does not read,
 * with {@link #KEY_DESCRIPTION}: Payara's OpenAPI generator ignores a header described on the
 * method alone.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Idempotent {

  String KEY_DESCRIPTION =
      "Optional, at most 255 characters. The same key with the same request gets the first"
          + " response again instead of a second effect; with another request, 422.";
}
