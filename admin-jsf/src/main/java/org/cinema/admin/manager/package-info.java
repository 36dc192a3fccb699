/**
 * The managers who log in to the admin panel: the superuser created on first start from {@code
 * ADMIN_USERNAME}/{@code ADMIN_PASSWORD}, the managers a superuser adds, and the Jakarta Security
 * set-up (form login, database identity store with PBKDF2 hashes) that protects every page.
 */
package org.cinema.admin.manager;
