/** How callers of the API are recognised, beside MicroProfile JWT's own verification. */
package org.cinema.billing.web.security;
