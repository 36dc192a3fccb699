package org.cinema.billing.account;

/** What a viewer gives to register; validated at the API's edge. */
public record NewAccount(
    String login, String password, String email, String fullName, String phone) {}
