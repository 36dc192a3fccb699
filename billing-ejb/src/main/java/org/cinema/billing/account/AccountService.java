package org.cinema.billing.account;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cinema.billing.error.BillingException;
import org.cinema.billing.platform.UniqueViolation;
import org.cinema.common.error.ErrorCode;

/** Registration and login. */
@Stateless
public class AccountService {

  @PersistenceContext private EntityManager em;

  @Inject private PasswordHashing passwords;

  @Inject private TokenIssuer tokens;

  @Inject private LoginThrottle throttle;

  /** Creates a viewer account and returns a token for it. Logins are unique ignoring case. */
  public TokenIssuer.AccessToken register(NewAccount request) {
    if (findByLogin(request.login()).isPresent()) {
      throw loginTaken();
    }
    Account account =
        new Account(
            UUID.randomUUID(),
            request.login(),
            passwords.hash(request.password()),
            request.email(),
            request.fullName(),
            request.phone(),
            request.language(),
            List.of(Account.ROLE_USER));
    try {
      em.persist(account);
      em.flush();
    } catch (PersistenceException e) {
      if (UniqueViolation.of(e, "uq_account_login_lower")) {
        throw loginTaken();
      }
      throw e;
    }
    return tokens.issue(account);
  }

  /**
   * Checks a login and password; the same answer whichever of the two is wrong, in the same time
   * (an unknown login is checked against a stand-in hash). Refused without checking once the login
   * or the caller's address is past its limit of attempts ({@link LoginThrottle}).
   *
   * @param address the client's address, as the connection gives it
   */
  public TokenIssuer.AccessToken login(String login, String password, String address) {
    throttle.attempt(login, address);
    Optional<Account> account = findByLogin(login);
    boolean matches =
        account.isPresent()
            ? passwords.matches(password, account.get().passwordHash())
            : passwords.matchesNone(password);
    if (!matches) {
      throw new BillingException(ErrorCode.INVALID_CREDENTIALS, "Wrong login or password");
    }
    throttle.succeeded(login, address);
    return tokens.issue(account.get());
  }

  /**
   * Makes sure an administrator account with this login and password exists (created on first start
   * from configuration, password and role kept in line with it afterwards).
   */
  public void ensureAdministrator(String login, String password) {
    Optional<Account> existing = findByLogin(login);
    if (existing.isPresent()) {
      Account admin = existing.get();
      if (!passwords.matches(password, admin.passwordHash())) {
        admin.changePassword(passwords.hash(password));
      }
      admin.grantRoles(List.of(Account.ROLE_USER, Account.ROLE_ADMIN));
      return;
    }
    em.persist(
        new Account(
            UUID.randomUUID(),
            login,
            passwords.hash(password),
            login + "@localhost",
            "Administrator",
            null,
            ViewerLanguage.ENGLISH,
            List.of(Account.ROLE_USER, Account.ROLE_ADMIN)));
  }

  public Optional<Account> findByLogin(String login) {
    return em.createQuery(
            "select a from Account a where lower(a.login) = lower(:login)", Account.class)
        .setParameter("login", login)
        .getResultStream()
        .findFirst();
  }

  public Account getById(UUID id) {
    return Optional.ofNullable(em.find(Account.class, id))
        .orElseThrow(
            () -> new BillingException(ErrorCode.ACCOUNT_NOT_FOUND, "No such account: " + id));
  }

  private static BillingException loginTaken() {
    return new BillingException(ErrorCode.LOGIN_TAKEN, "This login is taken");
  }
}
