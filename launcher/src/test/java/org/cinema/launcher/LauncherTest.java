package org.cinema.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LauncherTest {

  private static final LauncherSettings.Database DB =
      new LauncherSettings.Database("jdbc:postgresql://h:1/cinema", "u", "p");

  @Test
  void theServerIsToldItsOwnPublicUrlUnlessTheCallerGaveOne() {
    LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of("HTTP_PORT", "8123"));

    Map<String, String> own = Launcher.environment(Map.of("PUBLIC_API_URL", " "), settings, DB);
    Map<String, String> given =
        Launcher.environment(Map.of("PUBLIC_API_URL", "https://cinema.example/api/"), settings, DB);

    assertThat(own)
        .containsEntry("PUBLIC_API_URL", "http://localhost:8123/api/")
        .containsEntry("BILLING_API_URL", "http://localhost:8123/api/");
    assertThat(given).containsEntry("PUBLIC_API_URL", "https://cinema.example/api/");
  }
}
