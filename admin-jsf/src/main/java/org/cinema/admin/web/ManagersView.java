package org.cinema.admin.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.List;
import org.cinema.admin.manager.Manager;
import org.cinema.admin.manager.ManagerException;
import org.cinema.admin.manager.ManagerService;
import org.cinema.admin.manager.SessionCheckFilter;

/**
 * The managers page (superusers only, by web.xml): add a manager, let one log in or not, set one's
 * password. A manager switched off or given a new password loses every open session.
 */
@Named
@ViewScoped
public class ManagersView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ManagerService managers;

  @Inject private CurrentManager currentManager;

  private String username;
  private String fullName;
  private String password;
  private boolean superuser;
  private List<Manager> list;
  private Manager settingPassword;
  private String newPassword;

  /** Read once per view, and again after a change (the table asks for it several times). */
  public List<Manager> getManagers() {
    if (list == null) {
      list = managers.all();
    }
    return list;
  }

  public void add() {
    try {
      managers.add(username, fullName, password, superuser);
      Messages.info("manager.added", username);
      list = null;
      username = null;
      fullName = null;
      password = null;
      superuser = false;
    } catch (ManagerException e) {
      Messages.error(e.messageKey(), ManagerService.MIN_PASSWORD);
    }
  }

  public void toggle(Manager manager) {
    try {
      managers.setActive(manager.getId(), !manager.isActive());
      list = null;
      Messages.info(
          manager.isActive() ? "manager.deactivated" : "manager.activated", manager.getUsername());
    } catch (ManagerException e) {
      Messages.error(e.messageKey());
    }
  }

  public void askPassword(Manager manager) {
    settingPassword = manager;
    newPassword = null;
  }

  /** Sets the password asked for; setting one's own keeps this session. */
  public void setPassword() {
    if (settingPassword == null) {
      return;
    }
    try {
      long version = managers.setPassword(settingPassword.getId(), newPassword);
      if (settingPassword.getUsername().equalsIgnoreCase(currentManager.getName())) {
        SessionCheckFilter.remember(
            (HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(true),
            version);
      }
      Messages.info("manager.password.set", settingPassword.getUsername());
      settingPassword = null;
      newPassword = null;
      list = null;
    } catch (ManagerException e) {
      Messages.error(e.messageKey(), ManagerService.MIN_PASSWORD);
    }
  }

  public Manager getSettingPassword() {
    return settingPassword;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getFullName() {
    return fullName;
  }

  public void setFullName(String fullName) {
    this.fullName = fullName;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public boolean isSuperuser() {
    return superuser;
  }

  public void setSuperuser(boolean superuser) {
    this.superuser = superuser;
  }
}
