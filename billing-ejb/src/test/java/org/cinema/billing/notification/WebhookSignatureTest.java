package org.cinema.billing.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  @Test
  void signsTheTimeAndThePayloadAsStripeDoes() {
    // printf '%s' '1700000000.{...}' | openssl dgst -sha256 -hmac whsec_test
    assertThat(
            WebhookSignature.header(
                "whsec_test", 1_700_000_000L, "{\"id\":\"e1\",\"type\":\"payment.succeeded\"}"))
        .isEqualTo(
            "t=1700000000,v1=29985c1b2a23263ae4db2ea287580fa7a6a7c089b591cbe62d02db2a6fc7201f");
  }

  @Test
  void secretsAreThirtyTwoRandomBytesInHex() {
    SecureRandom random = new SecureRandom();
    String one = WebhookSignature.newSecret(random);
    assertThat(one).matches("whsec_[0-9a-f]{64}");
    assertThat(WebhookSignature.newSecret(random)).isNotEqualTo(one);
  }
}
