/**
 * Servlet plumbing every web module declares in its {@code web.xml}: the bound on request bodies,
 * the protective response headers, and the JSON body of a 401 the token mechanism sends.
 */
package org.cinema.common.web;
