package org.cinema.admin.manager;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.cinema.admin.platform.ContentSchema;

/**
 * Who may log in ({@link AdminLoginMechanism} asks): {@code content.manager}, active managers only,
 * PBKDF2 hashes. Every manager has the role {@code manager}; superusers also {@code superuser} (the
 * managers page). web.xml lists what each role may open.
 */
@DatabaseIdentityStoreDefinition(
    dataSourceLookup = ContentSchema.DATA_SOURCE,
    callerQuery =
        "select password_hash from content.manager where lower(username) = lower(?) and active",
    groupsQuery =
        "select g from content.manager m, unnest(case when m.superuser"
            + " then array['manager', 'superuser'] else array['manager'] end) g"
            + " where lower(m.username) = lower(?) and m.active",
    hashAlgorithm = Pbkdf2PasswordHash.class)
@DeclareRoles({AdminSecurity.MANAGER, AdminSecurity.SUPERUSER})
@ApplicationScoped
public class AdminSecurity {

  public static final String MANAGER = "manager";
  public static final String SUPERUSER = "superuser";
}
