package org.cinema.admin.manager;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The admin panel's roles: every manager has {@code manager}; superusers also {@code superuser}
 * (the managers page, large refunds). Who has them is {@link ManagerIdentityStore}'s answer;
 * web.xml lists what each role may open.
 */
@DeclareRoles({AdminSecurity.MANAGER, AdminSecurity.SUPERUSER})
@ApplicationScoped
public class AdminSecurity {

  public static final String MANAGER = "manager";
  public static final String SUPERUSER = "superuser";
}
