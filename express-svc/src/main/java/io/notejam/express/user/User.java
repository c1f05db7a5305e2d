package io.notejam.express.user;

/** A row of {@code users}; {@code passwordHash} is a bcrypt hash. */
public record User(long id, String email, String passwordHash) {}
