package org.cinema.admin.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import org.cinema.admin.manager.ManagerException;
import org.cinema.admin.manager.ManagerService;
import org.cinema.admin.manager.SessionCheckFilter;

/**
 * A manager's own password, changed given the current one; the manager's other sessions end, this
 * one goes on.
 */
@Named
@ViewScoped
public class PasswordView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ManagerService managers;

  @Inject private CurrentManager currentManager;

  private String current;
  private String newPassword;

  public void change() {
    try {
      long version = managers.changeOwnPassword(currentManager.getName(), current, newPassword);
      SessionCheckFilter.remember(
          (HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(true),
          version);
      Messages.info("password.changed");
      current = null;
      newPassword = null;
    } catch (ManagerException e) {
      Messages.error(e.messageKey(), ManagerService.MIN_PASSWORD);
    }
  }

  public String getCurrent() {
    return current;
  }

  public void setCurrent(String current) {
    this.current = current;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }
}
