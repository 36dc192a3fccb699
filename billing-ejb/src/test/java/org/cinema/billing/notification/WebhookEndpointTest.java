package org.cinema.billing.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WebhookEndpointTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  private static WebhookEndpoint endpoint(String events) {
    return new WebhookEndpoint(
        UUID.randomUUID(),
        URI.create("https://hooks.cinema.example/b"),
        events,
        "whsec_x",
        "CRM",
        NOW);
  }

  @Test
  void aNewEndpointIsEnabledAndTakesWhatItAskedFor() {
    WebhookEndpoint some = endpoint("payment.succeeded,refund.succeeded");
    assertThat(some.enabled()).isTrue();
    assertThat(some.closedReason()).isEmpty();
    assertThat(some.events()).containsExactly("payment.succeeded", "refund.succeeded");
    assertThat(endpoint("*").events()).containsExactly("*");
  }

  @Test
  void disabledItIsClosedUntilEnabledAgain() {
    WebhookEndpoint endpoint = endpoint("*");
    endpoint.disable();
    assertThat(endpoint.enabled()).isFalse();
    assertThat(endpoint.closedReason()).hasValue("endpoint disabled");
    endpoint.enable();
    assertThat(endpoint.closedReason()).isEmpty();
  }

  @Test
  void deletedItStaysDeletedAndKeepsWhenItWasDeleted() {
    WebhookEndpoint endpoint = endpoint("*");
    endpoint.delete(NOW);
    endpoint.delete(NOW.plusSeconds(60));
    assertThat(endpoint.deleted()).isTrue();
    assertThat(endpoint.deletedAt()).isEqualTo(NOW);
    assertThat(endpoint.closedReason()).isEqualTo(Optional.of("endpoint deleted"));
    assertThat(endpoint.view().events()).isEqualTo(List.of("*"));
  }
}
