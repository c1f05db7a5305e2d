package io.notejam.express.pad;

/** A row of {@code pads}. */
public record Pad(long id, String name, long userId) {}
