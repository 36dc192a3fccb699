/** The viewer-facing HTTP API: JAX-RS resources, adapters around the billing services. */
package org.cinema.billing.web;
