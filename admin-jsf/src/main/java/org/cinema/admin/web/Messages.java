package org.cinema.admin.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Puts a message from the admin's bundle (in the view's language) on the page. */
final class Messages {

  static final String BUNDLE = "org.cinema.admin.web.messages";

  private Messages() {}

  static void info(String key, Object... arguments) {
    add(FacesMessage.SEVERITY_INFO, key, arguments);
  }

  static void warn(String key, Object... arguments) {
    add(FacesMessage.SEVERITY_WARN, key, arguments);
  }

  static void error(String key, Object... arguments) {
    add(FacesMessage.SEVERITY_ERROR, key, arguments);
  }

  /** A plain text error (from another system: the billing API's own message). */
  static void errorText(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  static String text(String key, Object... arguments) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, faces.getViewRoot().getLocale());
    try {
      return MessageFormat.format(bundle.getString(key), arguments);
    } catch (MissingResourceException e) {
      return key;
    }
  }

  private static void add(FacesMessage.Severity severity, String key, Object... arguments) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(severity, text(key, arguments), null));
  }
}
