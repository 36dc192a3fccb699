package org.cinema.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LauncherSettingsTest {

  @Test
  void aTestClockIsRefusedWithALiveStripeKey() {
    assertThatThrownBy(
            () ->
                LauncherSettings.fromEnvironment(
                    Map.of(
                        "BILLING_TEST_CLOCK", "true",
                        "PAYMENT_PROVIDER", "stripe",
                        "STRIPE_API_KEY", "sk_live_abc",
                        "STRIPE_WEBHOOK_SECRET", "whsec_x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BILLING_TEST_CLOCK");
    assertThat(
            LauncherSettings.fromEnvironment(
                Map.of(
                    "BILLING_TEST_CLOCK", "true",
                    "PAYMENT_PROVIDER", "stripe",
                    "STRIPE_API_KEY", "sk_test_abc",
                    "STRIPE_WEBHOOK_SECRET", "whsec_x")))
        .isNotNull();
  }

  @Test
  void withNothingConfiguredRunsEmbeddedWithTheDemoCatalog() {
    LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of());

    assertThat(settings.databases().external()).isEmpty();
    assertThat(settings.databases().demoData()).isTrue();
    assertThat(settings.httpPort()).isEqualTo(8080);
    assertThat(settings.databases().embeddedPort()).isEqualTo(15432);
    assertThat(settings.dataDir()).isEqualTo(Path.of(".data").toAbsolutePath());
    assertThat(settings.cluster()).as("a single instance, no Hazelcast").isEmpty();
    assertThat(settings.readyTimeout()).isEqualTo(Duration.ofSeconds(180));
    assertThat(settings.allowPrivateWebhookTargets())
        .as("webhook receivers on this machine or network, for development")
        .isTrue();
  }

  @Test
  void webhookTargetsInsideTheNetworkCanBeRefused() {
    assertThat(
            LauncherSettings.fromEnvironment(Map.of("WEBHOOK_ALLOW_PRIVATE_TARGETS", "false"))
                .allowPrivateWebhookTargets())
        .isFalse();
    assertThat(
            LauncherSettings.fromEnvironment(Map.of("WEBHOOK_ALLOW_PRIVATE_TARGETS", " "))
                .allowPrivateWebhookTargets())
        .as("blank as in a copied .env.example")
        .isTrue();
  }

  @Test
  void anExternalDatabaseTurnsTheEmbeddedOneAndTheDemoCatalogOff() {
    LauncherSettings settings =
        LauncherSettings.fromEnvironment(
            Map.of(
                "BILLING_DB_URL", "jdbc:postgresql://db.internal:5432/cinema",
                "BILLING_DB_USER", "billing",
                "BILLING_DB_PASSWORD", "s3cret"));

    assertThat(settings.databases().external())
        .contains(
            new LauncherSettings.Database(
                "jdbc:postgresql://db.internal:5432/cinema", "billing", "s3cret"));
    assertThat(settings.databases().demoData()).isFalse();
  }

  @Test
  void theDemoCatalogCanBeAskedForExplicitly() {
    LauncherSettings settings =
        LauncherSettings.fromEnvironment(
            Map.of("BILLING_DB_URL", "jdbc:postgresql://db:5432/cinema", "DEMO_DATA", "true"));

    assertThat(settings.databases().demoData()).isTrue();
  }

  @Test
  void blankValuesAsInACopiedEnvExampleCountAsUnset() {
    LauncherSettings settings =
        LauncherSettings.fromEnvironment(
            Map.of("BILLING_DB_URL", " ", "DEMO_DATA", "", "HTTP_PORT", "", "PAYARA_CLUSTER", ""));

    assertThat(settings.databases().external()).isEmpty();
    assertThat(settings.databases().demoData()).isTrue();
    assertThat(settings.httpPort()).isEqualTo(8080);
    assertThat(settings.cluster()).isEmpty();
  }

  @Test
  void aClusterIsJoinedOnlyByNameAndTheMembersConfigured() {
    LauncherSettings settings =
        LauncherSettings.fromEnvironment(
            Map.of(
                "PAYARA_CLUSTER", "true",
                "PAYARA_CLUSTER_MEMBERS", "10.0.0.1:6900, app-2:6900 ",
                "PAYARA_CLUSTER_PORT", "6900",
                "PAYARA_CLUSTER_INTERFACES", "10.0.0.*"));

    assertThat(settings.cluster())
        .contains(
            new LauncherSettings.Cluster(
                "cinema-billing", "10.0.0.1:6900,app-2:6900", 6900, Optional.of("10.0.0.*")));
  }

  @Test
  void clusteringWithoutAMemberListOrWithAPasswordPayaraIgnoresIsRefused() {
    assertThatThrownBy(() -> LauncherSettings.fromEnvironment(Map.of("PAYARA_CLUSTER", "true")))
        .hasMessageContaining("PAYARA_CLUSTER_MEMBERS");
    assertThatThrownBy(
            () ->
                LauncherSettings.fromEnvironment(
                    Map.of("PAYARA_CLUSTER", "true", "PAYARA_CLUSTER_MEMBERS", "a:6900,,b")))
        .hasMessageContaining("host:port");
    assertThatThrownBy(
            () ->
                LauncherSettings.fromEnvironment(
                    Map.of(
                        "PAYARA_CLUSTER", "true",
                        "PAYARA_CLUSTER_MEMBERS", "a:6900",
                        "PAYARA_CLUSTER_PASSWORD", "s3cret")))
        .hasMessageContaining("no cluster password");
  }

  @Test
  void refusesAPortThatIsNotANumberWithAClearMessage() {
    assertThatThrownBy(() -> LauncherSettings.fromEnvironment(Map.of("HTTP_PORT", "80a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("HTTP_PORT must be a whole number, not '80a'");
  }

  @Test
  void theContentSchemaSharesTheBillingDatabaseUnlessToldOtherwise() {
    LauncherSettings.Database db =
        new LauncherSettings.Database("jdbc:postgresql://h:1/cinema", "u", "p");
    LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of());

    Map<String, String> shared = Launcher.environment(Map.of("CONTENT_DB_URL", ""), settings, db);
    Map<String, String> separate =
        Launcher.environment(
            Map.of("CONTENT_DB_URL", "jdbc:postgresql://other:1/content"), settings, db);

    assertThat(shared)
        .containsEntry("BILLING_DB_URL", "jdbc:postgresql://h:1/cinema")
        .containsEntry("CONTENT_DB_URL", "jdbc:postgresql://h:1/cinema")
        .containsEntry("CONTENT_DB_USER", "u")
        .containsEntry("DEMO_DATA", "true");
    assertThat(separate).containsEntry("CONTENT_DB_URL", "jdbc:postgresql://other:1/content");
  }

  @Test
  void stripeWithoutItsKeysOrAnUnknownProviderIsRefusedBeforeAnythingStarts() {
    assertThatThrownBy(() -> LauncherSettings.fromEnvironment(Map.of("PAYMENT_PROVIDER", "stripe")))
        .hasMessageContaining("STRIPE_API_KEY")
        .hasMessageContaining("STRIPE_WEBHOOK_SECRET");
    assertThatThrownBy(
            () ->
                LauncherSettings.fromEnvironment(
                    Map.of("PAYMENT_PROVIDER", "stripe", "STRIPE_API_KEY", "sk_test_1")))
        .hasMessageContaining("STRIPE_WEBHOOK_SECRET");
    assertThatThrownBy(() -> LauncherSettings.fromEnvironment(Map.of("PAYMENT_PROVIDER", "paypal")))
        .hasMessageContaining("sandbox or stripe");
    LauncherSettings.fromEnvironment(
        Map.of(
            "PAYMENT_PROVIDER", "stripe",
            "STRIPE_API_KEY", "sk_test_1",
            "STRIPE_WEBHOOK_SECRET", "whsec_1"));
  }
}
