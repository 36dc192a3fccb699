/** Figures for the admin panel's dashboard: active subscriptions, payments, revenue per day. */
package org.cinema.billing.reporting;
