/**
 * Provider webhooks: signature check, the inbox that stores each event once by its id, and the
 * asynchronous processing (with retries) that applies events to payments in any order.
 */
package org.cinema.billing.webhook;
