package org.cinema.admin.manager;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On start, creates the superuser named by {@code ADMIN_USERNAME} with {@code ADMIN_PASSWORD} if
 * there is no manager of that name yet (as the original's {@code createsuperuser}); an existing one
 * is left as it is, password included. Without the variables nobody is created.
 */
@Startup
@Singleton
@DependsOn("ContentSchema")
public class SuperuserBootstrap {

  private static final Logger LOG = Logger.getLogger(SuperuserBootstrap.class.getName());

  @Inject
  @ConfigProperty(name = "admin.username")
  private Optional<String> username;

  @Inject
  @ConfigProperty(name = "admin.password")
  private Optional<String> password;

  @Inject private ManagerService managers;

  @PostConstruct
  void createSuperuser() {
    if (username.isEmpty() || password.isEmpty()) {
      LOG.warning("ADMIN_USERNAME/ADMIN_PASSWORD not set: no superuser created");
      return;
    }
    if (managers.find(username.get()).isEmpty()) {
      try {
        managers.add(username.get(), "Superuser", password.get(), true);
      } catch (ManagerException e) {
        throw new IllegalStateException(
            "Cannot create the superuser from ADMIN_USERNAME/ADMIN_PASSWORD ("
                + e.messageKey()
                + "; passwords need at least "
                + ManagerService.MIN_PASSWORD
                + " characters)",
            e);
      }
      LOG.info(() -> "Superuser " + username.get() + " created");
    }
  }
}
