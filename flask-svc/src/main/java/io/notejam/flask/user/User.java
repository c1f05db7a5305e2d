package io.notejam.flask.user;

/** A row of the {@code user} table. The email is stored as typed (spec 2.4). */
public record User(long id, String email, String passwordHash) {}
