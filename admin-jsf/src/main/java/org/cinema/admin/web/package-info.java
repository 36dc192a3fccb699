/**
 * The JSF adapter: view-scoped backing beans over the catalog service and the billing API (lazy
 * PrimeFaces tables, dialogs, confirmations), the locale switch and the session.
 */
package org.cinema.admin.web;
