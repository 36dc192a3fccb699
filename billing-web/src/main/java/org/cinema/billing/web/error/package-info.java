/** One JSON error shape for every failure, and the mappers that produce it. */
package org.cinema.billing.web.error;
