/** Key material handling shared by the run command, the billing module and the tests. */
package org.cinema.common.security;
