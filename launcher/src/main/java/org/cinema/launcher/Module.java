package org.cinema.launcher;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The deployables the run command can start, each with its context root and readiness checks. */
enum Module {
  BILLING("billing-web.war", "/", List.of("billing-database")),
  ADMIN("admin-jsf.war", "/admin", List.of("content-database")),
  ETL("etl-batch.war", "/etl", List.of("etl-source-database", "etl-target-database"));

  final String war;
  final String contextRoot;
  final List<String> readinessChecks;

  Module(String war, String contextRoot, List<String> readinessChecks) {
    this.war = war;
    this.contextRoot = contextRoot;
    this.readinessChecks = readinessChecks;
  }

  /**
   * {@code DEPLOY}: {@code all} (or empty), or a comma-separated list of {@code billing}, {@code
   * admin}, {@code etl}.
   */
  static Set<Module> parse(String deploy) {
    if (deploy == null || deploy.isBlank() || deploy.strip().equalsIgnoreCase("all")) {
      return EnumSet.allOf(Module.class);
    }
    Set<Module> modules = EnumSet.noneOf(Module.class);
    for (String name : deploy.split(",")) {
      try {
        modules.add(Module.valueOf(name.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "DEPLOY lists billing, admin, etl (or all), not '" + name.strip() + "'");
      }
    }
    return modules;
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
