/**
 * The one vocabulary of refusals every HTTP API of the system answers with ({@code {"error": CODE,
 * "message": text}}), each code with the HTTP status its kind stands for.
 */
package org.cinema.common.error;
