package org.cinema.admin.manager;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.INVALID_RESULT;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cinema.common.security.Pbkdf2;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may log in ({@link AdminLoginMechanism} asks): active managers of {@code content.manager}, by
 * their PBKDF2 hash. Every manager has the group {@code manager}; superusers also {@code
 * superuser}. The caller is named as stored (the audit trail's actor), whatever case was typed.
 *
 * <p>It replaces Jakarta Security's database store, which answers at once for an unknown username
 * (it hashes only when the query found a row), so the time of an answer told which usernames exist.
 * Here an unknown or inactive username is checked against a dummy hash of the same cost.
 */
@ApplicationScoped
public class ManagerIdentityStore implements IdentityStore {

  @Inject private ManagerService managers;

  @Inject private Pbkdf2PasswordHash pbkdf2;

  @Inject
  @ConfigProperty(name = "admin.password.iterations", defaultValue = "100000")
  private int iterations;

  private String dummyHash;

  @PostConstruct
  void configure() {
    pbkdf2.initialize(Pbkdf2.parameters(iterations));
    dummyHash = pbkdf2.generate(UUID.randomUUID().toString().toCharArray());
  }

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    Optional<Manager> manager = managers.find(credential.getCaller()).filter(Manager::isActive);
    boolean matches =
        pbkdf2.verify(
            credential.getPassword().getValue(),
            manager.map(Manager::getPasswordHash).orElse(dummyHash));
    if (manager.isEmpty() || !matches) {
      return INVALID_RESULT;
    }
    return new CredentialValidationResult(
        manager.get().getUsername(),
        manager.get().isSuperuser()
            ? Set.of(AdminSecurity.MANAGER, AdminSecurity.SUPERUSER)
            : Set.of(AdminSecurity.MANAGER));
  }
}
