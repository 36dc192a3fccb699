package org.cinema.admin.manager;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cinema.common.security.Pbkdf2;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Adds, lists and deactivates managers; passwords stored as Jakarta Security PBKDF2 hashes. */
@Stateless
public class ManagerService {

  /** Shortest password accepted for a manager. */
  public static final int MIN_PASSWORD = 8;

  @PersistenceContext private EntityManager em;

  @Inject private Pbkdf2PasswordHash pbkdf2;

  @Inject
  @ConfigProperty(name = "admin.password.iterations", defaultValue = "100000")
  private int iterations;

  @PostConstruct
  void configure() {
    pbkdf2.initialize(Pbkdf2.parameters(iterations));
  }

  /**
   * Adds a manager.
   *
   * @throws ManagerException when the username is taken (ignoring case) or the password is short
   */
  public Manager add(String username, String fullName, String password, boolean superuser) {
    String name = username == null ? "" : username.strip();
    if (name.isEmpty() || name.length() > 64) {
      throw new ManagerException("manager.username.invalid");
    }
    if (password == null || password.length() < MIN_PASSWORD) {
      throw new ManagerException("manager.password.short");
    }
    if (find(name).isPresent()) {
      throw new ManagerException("manager.username.taken");
    }
    Manager manager =
        new Manager(name, fullName, pbkdf2.generate(password.toCharArray()), superuser);
    em.persist(manager);
    return manager;
  }

  public Optional<Manager> find(String username) {
    return em.createQuery(
            "select m from Manager m where lower(m.username) = lower(:name)", Manager.class)
        .setParameter("name", username.strip())
        .getResultStream()
        .findFirst();
  }

  public List<Manager> all() {
    return em.createQuery("select m from Manager m order by lower(m.username)", Manager.class)
        .getResultList();
  }

  /** Lets a manager log in, or not; the last active superuser cannot be switched off. */
  public void setActive(UUID id, boolean active) {
    Manager manager = em.find(Manager.class, id);
    if (manager == null) {
      throw new ManagerException("manager.missing");
    }
    if (!active && manager.isSuperuser() && activeSuperusers() <= 1) {
      throw new ManagerException("manager.last.superuser");
    }
    manager.setActive(active);
  }

  private long activeSuperusers() {
    return em.createQuery(
            "select count(m) from Manager m where m.superuser = true and m.active = true",
            Long.class)
        .getSingleResult();
  }
}
