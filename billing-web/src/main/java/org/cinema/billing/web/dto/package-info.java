/**
 * Request and response bodies of the API: immutable records with the original clients' JSON field
 * names. Entities never leave the service layer.
 */
package org.cinema.billing.web.dto;
