package io.notejam.flask.pad;

/** A row of the {@code pad} table. */
public record Pad(long id, String name, long userId) {}
