package org.cinema.billing.web;

/** The groups a token may carry. */
public final class Roles {

  public static final String USER = "user";
  public static final String ADMIN = "admin";

  private Roles() {}
}
