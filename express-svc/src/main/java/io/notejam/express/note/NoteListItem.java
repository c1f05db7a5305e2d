package io.notejam.express.note;

import io.micronaut.core.annotation.Nullable;

/**
 * One row of a notes table: the note, its pad (null when it has none or the pad is gone) and its
 * "Last modified" text.
 */
public record NoteListItem(
    long id, String name, @Nullable Long padId, @Nullable String padName, String lastModified) {}
