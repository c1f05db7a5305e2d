package io.notejam.express.note;

import io.micronaut.core.annotation.Nullable;

/** What a user may set on a note (spec 8.7): nothing else from a request body is ever written. */
public record NoteFields(String name, String text, @Nullable Long padId) {}
