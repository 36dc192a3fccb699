package org.cinema.admin.manager;

import jakarta.ejb.ApplicationException;

/** A manager could not be added or changed; the message is a key of the admin's bundle. */
@ApplicationException(rollback = true)
public class ManagerException extends RuntimeException {

  public ManagerException(String messageKey) {
    super(messageKey);
  }

  public String messageKey() {
    return getMessage();
  }
}
