package org.cinema.admin.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.cinema.admin.manager.Manager;
import org.cinema.admin.manager.ManagerException;
import org.cinema.admin.manager.ManagerService;

/** The managers page (superusers only, by web.xml): add a manager, let one log in or not. */
@Named
@ViewScoped
public class ManagersView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ManagerService managers;

  private String username;
  private String fullName;
  private String password;
  private boolean superuser;
  private List<Manager> list;

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
