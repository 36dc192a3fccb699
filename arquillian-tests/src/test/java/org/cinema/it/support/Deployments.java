package org.cinema.it.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WARs exactly as the build produced them (copied to {@code deployments.dir} by Maven). */
public final class Deployments {

  private Deployments() {}

  public static WebArchive builtWar(String fileName) {
    File war = new File(System.getProperty("deployments.dir"), fileName);
    if (!war.isFile()) {
      throw new IllegalStateException(war + " is missing: run the tests with mvn verify");
    }
    return ShrinkWrap.create(ZipImporter.class, fileName).importFrom(war).as(WebArchive.class);
  }
}
