package org.cinema.admin.manager;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cinema.admin.audit.AuditAction;
import org.cinema.admin.audit.AuditTrail;
import org.cinema.common.security.Pbkdf2;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Adds, lists and deactivates managers and changes their passwords (stored as Jakarta Security
 * PBKDF2 hashes); each change is audited in its own transaction and, for a password or a
 * deactivation, ends the manager's open sessions (the session version moves).
 */
@Stateless
public class ManagerService {

  /** Shortest password accepted for a manager. */
  public static final int MIN_PASSWORD = 8;

  @PersistenceContext private EntityManager em;

  @Inject private Pbkdf2PasswordHash pbkdf2;

  @Inject private AuditTrail audit;

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
    requireLongEnough(password);
    if (find(name).isPresent()) {
      throw new ManagerException("manager.username.taken");
    }
    Manager manager =
        new Manager(name, fullName, pbkdf2.generate(password.toCharArray()), superuser);
    em.persist(manager);
    audit.record(
        AuditAction.MANAGER_ADD, manager.getId(), name + (superuser ? " (superuser)" : ""));
    return manager;
  }

  /**
   * A manager's own new password, given the current one; the manager's other sessions end.
   *
   * @return the manager's new session version, for the session that asked to keep
   * @throws ManagerException when the current password is wrong or the new one short
   */
  public long changeOwnPassword(String username, String current, String newPassword) {
    Manager manager =
        locked(find(username).orElseThrow(() -> new ManagerException("manager.missing")));
    if (current == null || !pbkdf2.verify(current.toCharArray(), manager.getPasswordHash())) {
      throw new ManagerException("manager.password.wrong");
    }
    changePassword(manager, newPassword, "own password");
    return manager.getSessionVersion();
  }

  /**
   * Sets a manager's password (a superuser's act, on the managers page); that manager's sessions
   * end.
   *
   * @return the manager's new session version
   */
  public long setPassword(UUID id, String newPassword) {
    Manager manager = em.find(Manager.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (manager == null) {
      throw new ManagerException("manager.missing");
    }
    changePassword(manager, newPassword, "set for " + manager.getUsername());
    return manager.getSessionVersion();
  }

  /** The session version of an active manager; empty when there is none of that name. */
  public Optional<Long> sessionVersion(String username) {
    return em.createQuery(
            "select m.sessionVersion from Manager m"
                + " where lower(m.username) = lower(:name) and m.active = true",
            Long.class)
        .setParameter("name", username.strip())
        .getResultStream()
        .findFirst();
  }

  private void changePassword(Manager manager, String newPassword, String details) {
    requireLongEnough(newPassword);
    manager.changePassword(pbkdf2.generate(newPassword.toCharArray()));
    audit.record(AuditAction.MANAGER_PASSWORD, manager.getId(), details);
  }

  /**
   * The manager's row, read again and locked until the transaction ends: a password set by a
   * superuser and one changed by the manager at the same moment happen one after the other, each
   * moving the session version on from the other's.
   */
  private Manager locked(Manager manager) {
    em.refresh(manager, LockModeType.PESSIMISTIC_WRITE);
    return manager;
  }

  private static void requireLongEnough(String password) {
    if (password == null || password.length() < MIN_PASSWORD) {
      throw new ManagerException("manager.password.short");
    }
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
    Manager manager = em.find(Manager.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (manager == null) {
      throw new ManagerException("manager.missing");
    }
    if (!active && manager.isSuperuser() && activeSuperusers() <= 1) {
      throw new ManagerException("manager.last.superuser");
    }
    if (manager.isActive() != active) {
      manager.setActive(active);
      audit.record(
          active ? AuditAction.MANAGER_ACTIVATE : AuditAction.MANAGER_DEACTIVATE,
          manager.getId(),
          manager.getUsername());
    }
  }

  private long activeSuperusers() {
    return em.createQuery(
            "select count(m) from Manager m where m.superuser = true and m.active = true",
            Long.class)
        .getSingleResult();
  }
}
