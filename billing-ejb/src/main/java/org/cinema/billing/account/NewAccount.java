package org.cinema.billing.account;

/**
 * What a viewer gives to register; validated at the API's edge.
 *
 * @param language {@code en} or {@code ru}: what billing writes to them in ({@link ViewerLanguage})
 */
public record NewAccount(
    String login, String password, String email, String fullName, String phone, String language) {}
