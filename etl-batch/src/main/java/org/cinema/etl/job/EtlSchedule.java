package org.cinema.etl.job;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cinema.etl.platform.EtlDatabases;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the ETL every {@code ETL_INTERVAL_SECONDS} (10 by default, as the original did; 0 turns the
 * schedule off). Every instance has the timer; the runner's advisory lock lets one run at a time.
 */
@Startup
@Singleton
public class EtlSchedule {

  private static final Logger LOG = Logger.getLogger(EtlSchedule.class.getName());

  @Inject
  @ConfigProperty(name = "etl.interval-seconds", defaultValue = "10")
  private long intervalSeconds;

  @Inject
  @ConfigProperty(name = "etl.chunk-size", defaultValue = "1000")
  private int chunkSize;

  @Resource private TimerService timers;

  @Inject private EtlRunner runner;

  @Inject private EtlDatabases databases;

  @PostConstruct
  void schedule() {
    if (intervalSeconds > 0) {
      long every = intervalSeconds * 1000;
      timers.createIntervalTimer(every, every, new TimerConfig("catalog-etl", false));
      LOG.info(() -> "Catalog ETL every " + intervalSeconds + " s");
    }
  }

  @Timeout
  void runOnSchedule() {
    if (!databases.ready()) {
      return;
    }
    Properties parameters = new Properties();
    parameters.setProperty("chunkSize", String.valueOf(chunkSize));
    try {
      runner.run(parameters);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Scheduled catalog ETL run failed", e);
    }
  }
}
