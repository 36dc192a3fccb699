/** What the modules' MicroProfile Metrics gauges share: one read of their figures per interval. */
package org.cinema.common.metrics;
