/**
 * The one business exception of the billing module and its error codes; the web layer turns each
 * code's kind into an HTTP status and the JSON error shape.
 */
package org.cinema.billing.error;
