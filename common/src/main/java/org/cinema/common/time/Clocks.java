package org.cinema.common.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one source of business time (subscription periods, access checks, deletion times), injected
 * everywhere a decision depends on "now", so tests and tools can move time. It lives in this shared
 * jar so that there is exactly one producer both in each WAR on Payara Micro and in the EAR, where
 * every module sees the EAR's libraries. The clock is the system's UTC clock unless a test clock
 * moved it ({@link MovableClock}).
 */
@ApplicationScoped
public class Clocks {

  @Produces
  @ApplicationScoped
  Clock clock() {
    return MovableClock.APPLICATION;
  }
}
