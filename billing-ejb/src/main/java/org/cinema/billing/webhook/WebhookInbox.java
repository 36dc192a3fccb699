package org.cinema.billing.webhook;

import com.google.gson.JsonParseException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.cinema.billing.error.BillingException;
import org.cinema.billing.payment.gateway.ActiveGateway;
import org.cinema.billing.payment.gateway.PaymentGateway;
import org.cinema.common.error.ErrorCode;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Receives a provider's webhook: checks the {@code Stripe-Signature} over the raw body with
 * stripe-java's {@code Webhook.constructEvent}, and stores the event once by its id. A repeated
 * delivery finds the event stored and changes nothing.
 */
@Stateless
public class WebhookInbox {

  @PersistenceContext private EntityManager em;

  @Inject private ActiveGateway gateway;

  @Inject
  @ConfigProperty(name = "webhook.tolerance-seconds", defaultValue = "300")
  private long toleranceSeconds;

  /**
   * @return the stored event's row id, or empty when the event was stored before
   * @throws BillingException INVALID_SIGNATURE (nothing stored) or INVALID_INPUT
   */
  public Optional<Long> receive(String payload, String signatureHeader) {
    PaymentGateway provider = gateway.get();
    Event event;
    try {
      event =
          Webhook.constructEvent(
              payload, signatureHeader, provider.webhookSecret(), toleranceSeconds);
    } catch (SignatureVerificationException e) {
      throw new BillingException(ErrorCode.INVALID_SIGNATURE, "Signature check failed");
    } catch (JsonParseException e) {
      throw new BillingException(ErrorCode.INVALID_INPUT, "Not an event: malformed JSON");
    }
    if (event == null || event.getId() == null || event.getType() == null) {
      throw new BillingException(ErrorCode.INVALID_INPUT, "Not an event: no id or type");
    }
    List<?> inserted =
        em.createNativeQuery(
                "insert into billing.webhook_event (provider, event_id, event_type, payload)"
                    + " values (?, ?, ?, ?) on conflict (provider, event_id) do nothing"
                    + " returning id")
            .setParameter(1, provider.name())
            .setParameter(2, event.getId())
            .setParameter(3, event.getType())
            .setParameter(4, payload)
            .getResultList();
    return inserted.stream().findFirst().map(id -> ((Number) id).longValue());
  }
}
