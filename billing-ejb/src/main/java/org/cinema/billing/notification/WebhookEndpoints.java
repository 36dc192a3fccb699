package org.cinema.billing.notification;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.InetAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cinema.billing.error.BillingException;
import org.cinema.billing.platform.Page;
import org.cinema.common.error.ErrorCode;

/**
 * The cinema's webhook endpoints: registered (with a secret shown once), listed, disabled, enabled
 * and deleted by an administrator. Disabling or deleting one parks what was still queued for it
 * (DEAD, last error {@code endpoint disabled} or {@code endpoint deleted}); it holds the endpoint's
 * row lock meanwhile, which fan-out waits for, so no delivery is queued for it after that.
 */
@Stateless
public class WebhookEndpoints {

  private static final SecureRandom RANDOM = new SecureRandom();

  private static final String EVENT_NAMES =
      Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.joining(", "));

  @PersistenceContext private EntityManager em;

  @Inject private Clock clock;

  @Inject private WebhookSettings settings;

  /** A new endpoint, and its secret: the only time the secret is shown. */
  public record Registered(WebhookEndpointView endpoint, String secret) {}

  /**
   * @param events {@code ["*"]} or event names
   * @throws BillingException INVALID_INPUT naming the field and the rule it breaks
   */
  public Registered register(String url, List<String> events, String description) {
    String wanted =
        WebhookEvents.normalize(events)
            .orElseThrow(
                () ->
                    new BillingException(
                        ErrorCode.INVALID_INPUT,
                        "events: [\"*\"] for every event, or a list of one or more of "
                            + EVENT_NAMES));
    URI target;
    try {
      target = WebhookTarget.check(url, settings.allowPrivateTargets(), InetAddress::getAllByName);
    } catch (WebhookTarget.Refused e) {
      throw new BillingException(ErrorCode.INVALID_INPUT, "url: " + e.getMessage());
    }
    WebhookEndpoint endpoint =
        new WebhookEndpoint(
            UUID.randomUUID(),
            target,
            wanted,
            WebhookSignature.newSecret(RANDOM),
            description,
            clock.instant());
    em.persist(endpoint);
    return new Registered(endpoint.view(), endpoint.secret());
  }

  /** Endpoints not deleted, newest first. */
  public Page<WebhookEndpointView> list(int page, int size) {
    List<WebhookEndpointView> items =
        em
            .createQuery(
                "select e from WebhookEndpoint e where e.deletedAt is null"
                    + " order by e.createdAt desc, e.id",
                WebhookEndpoint.class)
            .setFirstResult(Page.offset(page, size))
            .setMaxResults(size)
            .getResultList()
            .stream()
            .map(WebhookEndpoint::view)
            .toList();
    long total =
        em.createQuery(
                "select count(e) from WebhookEndpoint e where e.deletedAt is null", Long.class)
            .getSingleResult();
    return new Page<>(items, total, page, size);
  }

  /**
   * @throws BillingException WEBHOOK_ENDPOINT_NOT_FOUND, also for a deleted one
   */
  public WebhookEndpointView get(UUID id) {
    return live(id, LockModeType.NONE).view();
  }

  public WebhookEndpointView disable(UUID id) {
    WebhookEndpoint endpoint = live(id, LockModeType.PESSIMISTIC_WRITE);
    endpoint.disable();
    parkQueued(endpoint);
    return endpoint.view();
  }

  public WebhookEndpointView enable(UUID id) {
    WebhookEndpoint endpoint = live(id, LockModeType.PESSIMISTIC_WRITE);
    endpoint.enable();
    return endpoint.view();
  }

  /** Deleted for good (kept as a row, so its deliveries still name it). */
  public void delete(UUID id) {
    WebhookEndpoint endpoint = live(id, LockModeType.PESSIMISTIC_WRITE);
    endpoint.delete(clock.instant());
    parkQueued(endpoint);
  }

  /**
   * Why a delivery may not go to the endpoint now ({@code endpoint disabled}, {@code endpoint
   * deleted}); empty when it may. The channel asks before each send: a parked delivery an
   * administrator sends again is refused too.
   */
  public Optional<String> closedReason(UUID id) {
    return Optional.ofNullable(em.find(WebhookEndpoint.class, id))
        .map(WebhookEndpoint::closedReason)
        .orElse(Optional.of("endpoint deleted"));
  }

  private WebhookEndpoint live(UUID id, LockModeType lock) {
    return Optional.ofNullable(em.find(WebhookEndpoint.class, id, lock))
        .filter(endpoint -> !endpoint.deleted())
        .orElseThrow(
            () ->
                new BillingException(
                    ErrorCode.WEBHOOK_ENDPOINT_NOT_FOUND, "No webhook endpoint " + id));
  }

  /** Its deliveries not sent yet are not sent: DEAD, with the reason as their last error. */
  private void parkQueued(WebhookEndpoint endpoint) {
    String reason = endpoint.closedReason().orElseThrow();
    em.createNativeQuery(
            "update billing.notification set status = 'DEAD', last_error = ?,"
                + " next_attempt_at = ? where endpoint_id = ? and status in ('PENDING', 'FAILED')")
        .setParameter(1, reason)
        .setParameter(2, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .setParameter(3, endpoint.id())
        .executeUpdate();
  }
}
