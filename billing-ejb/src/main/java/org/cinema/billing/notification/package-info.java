/**
 * Notifications and outbound events: the outbox written with each billing change, its fan-out to
 * deliveries per channel (the viewer's log or e-mail, the operations chat on Telegram, the cinema's
 * webhook endpoints) and their dispatch with retries.
 */
package org.cinema.billing.notification;
