package org.cinema.admin.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;
import java.util.Set;

/**
 * The page language: the browser's (English or Russian, from faces-config's supported locales)
 * until the manager picks one with the switch, then theirs for the session.
 */
@Named
@SessionScoped
public class LocaleSwitcher implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Set<String> LANGUAGES = Set.of("en", "ru");

  private Locale chosen;

  public Locale getLocale() {
    if (chosen != null) {
      return chosen;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    Locale browser = faces.getApplication().getViewHandler().calculateLocale(faces);
    return LANGUAGES.contains(browser.getLanguage()) ? browser : Locale.ENGLISH;
  }

  public String getLanguage() {
    return getLocale().getLanguage();
  }

  public void switchTo(String language) {
    if (LANGUAGES.contains(language)) {
      chosen = Locale.forLanguageTag(language);
      FacesContext.getCurrentInstance().getViewRoot().setLocale(chosen);
    }
  }
}
