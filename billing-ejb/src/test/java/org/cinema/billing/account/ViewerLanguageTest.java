package org.cinema.billing.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViewerLanguageTest {

  @Test
  void aLanguageChosenAtRegistrationWins() {
    assertThat(ViewerLanguage.pick("ru", "en-US")).isEqualTo("ru");
    assertThat(ViewerLanguage.pick("en", "ru-RU")).isEqualTo("en");
  }

  @Test
  void elseTheBrowsersFirstChoiceRussianOrEnglish() {
    assertThat(ViewerLanguage.pick(null, "ru")).isEqualTo("ru");
    assertThat(ViewerLanguage.pick(null, "ru-RU,ru;q=0.9,en;q=0.5")).isEqualTo("ru");
    assertThat(ViewerLanguage.pick(null, "en;q=0.4,ru-RU;q=0.8")).isEqualTo("ru");
    assertThat(ViewerLanguage.pick(null, "en-GB,ru;q=0.5")).isEqualTo("en");
    assertThat(ViewerLanguage.pick(null, "de-DE,ru;q=0.5")).isEqualTo("en");
    assertThat(ViewerLanguage.pick(null, "*")).isEqualTo("en");
  }

  @Test
  void noOrABrokenHeaderIsEnglish() {
    assertThat(ViewerLanguage.pick(null, null)).isEqualTo("en");
    assertThat(ViewerLanguage.pick(null, "")).isEqualTo("en");
    assertThat(ViewerLanguage.pick(null, ";;;q=oops")).isEqualTo("en");
  }
}
