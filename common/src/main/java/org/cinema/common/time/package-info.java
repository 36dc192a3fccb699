/** Time for every module: the injectable {@link java.time.Clock}. */
package org.cinema.common.time;
