package org.cinema.billing.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers the tokens MicroProfile JWT has verified, until they expire, so that a viewer's token
 * is verified once and not on every request: the RS256 check and the parsing cost three times what
 * the rest of a light request does (docs/benchmarks.md, check-rights).
 *
 * <p>Payara's MP JWT mechanism hands the bearer token to the identity stores as a credential; this
 * store comes first (priority 10), answers a token seen before from memory, and otherwise passes it
 * to Payara's own verifying store and keeps a valid answer. A remembered token is the very string
 * that was verified, so its signature, issuer and groups are unchanged; only its expiry is checked
 * again on every use. Anything else (no JWT, an invalid one) is left to the other stores. It
 * validates and provides groups, as Payara's store does, so that the groups of the answer count.
 *
 * <p>Bounded: past {@value #MAX_TOKENS} tokens the expired ones are dropped, and if that is not
 * enough, all of them (they are verified again on next use).
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityStore {

  static final int MAX_TOKENS = 20_000;

  private static final String JWT_CREDENTIAL =
      "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTCredential";
  private static final String JWT_STORE =
      "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore";

  @Inject @Any private Instance<IdentityStore> stores;

  @Inject private Clock clock;

  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  private volatile IdentityStore verifier;

  private volatile Method tokenOf;

  private record Verified(CredentialValidationResult result, long expiresAtSecond) {}

  @Override
  public int priority() {
    return 10;
  }

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!credential.getClass().getName().equals(JWT_CREDENTIAL)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    String token = token(credential);
    long now = clock.instant().getEpochSecond();
    Verified known = verified.get(token);
    if (known != null) {
      if (now < known.expiresAtSecond()) {
        return known.result();
      }
      verified.remove(token);
    }
    CredentialValidationResult result = verifier().validate(credential);
    expiry(result)
        .filter(expiresAt -> now < expiresAt)
        .ifPresent(expiresAt -> remember(token, new Verified(result, expiresAt), now));
    return result;
  }

  private void remember(String token, Verified entry, long now) {
    if (verified.size() >= MAX_TOKENS) {
      verified.values().removeIf(old -> old.expiresAtSecond() <= now);
      if (verified.size() >= MAX_TOKENS) {
        verified.clear();
      }
    }
    verified.put(token, entry);
  }

  private static Optional<Long> expiry(CredentialValidationResult result) {
    if (result.getStatus() != CredentialValidationResult.Status.VALID
        || !(result.getCallerPrincipal() instanceof JsonWebToken jwt)
        || jwt.getExpirationTime() <= 0) {
      return Optional.empty();
    }
    return Optional.of(jwt.getExpirationTime());
  }

  private String token(Credential credential) {
    try {
      Method method = tokenOf;
      if (method == null) {
        method = credential.getClass().getMethod("getSignedJWT");
        tokenOf = method;
      }
      return (String) method.invoke(credential);
    } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Payara's JWT credential changed shape", e);
    }
  }

  private IdentityStore verifier() {
    IdentityStore store = verifier;
    if (store == null) {
      store =
          stores
              .handlesStream()
              .filter(
                  handle ->
                      handle.getBean().getTypes().stream()
                          .anyMatch(type -> type.getTypeName().equals(JWT_STORE)))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("MicroProfile JWT's store is missing"))
              .get();
      verifier = store;
    }
    return store;
  }
}
