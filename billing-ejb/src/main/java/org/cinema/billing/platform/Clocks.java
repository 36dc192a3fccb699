package org.cinema.billing.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one source of business time (subscription periods, access checks). Injected everywhere a
 * decision depends on "now", so tests and tools can move time.
 */
@ApplicationScoped
public class Clocks {

  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }
}
