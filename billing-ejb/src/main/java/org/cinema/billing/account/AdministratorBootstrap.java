package org.cinema.billing.account;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * On start, creates (or brings in line) the administrator account named by {@code
 * BILLING_ADMIN_LOGIN} / {@code BILLING_ADMIN_PASSWORD}, whose token opens the admin endpoints.
 * Nothing happens when they are not set.
 */
@Startup
@Singleton
@DependsOn("BillingSchema")
public class AdministratorBootstrap {

  private static final Logger LOG = Logger.getLogger(AdministratorBootstrap.class.getName());

  @Inject
  @ConfigProperty(name = "billing.admin.login")
  private Optional<String> login;

  @Inject
  @ConfigProperty(name = "billing.admin.password")
  private Optional<String> password;

  @Inject private AccountService accounts;

  @PostConstruct
  void ensureAdministrator() {
    if (login.isPresent() && password.isPresent()) {
      accounts.ensureAdministrator(login.get(), password.get());
      LOG.info(() -> "Administrator account '" + login.get() + "' is in place");
    }
  }
}
