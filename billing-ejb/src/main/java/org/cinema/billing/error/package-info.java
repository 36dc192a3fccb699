/**
 * The one business exception of the billing module, carrying a code of the common {@code
 * ErrorCode}; the web layer turns it into an HTTP status and the JSON error shape.
 */
package org.cinema.billing.error;
