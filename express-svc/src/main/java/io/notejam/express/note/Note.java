package io.notejam.express.note;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A row of {@code notes}; {@code padId} and the timestamps may be null (old rows). */
public record Note(
    long id,
    @Nullable Long padId,
    long userId,
    String name,
    String text,
    @Nullable Instant createdAt,
    @Nullable Instant updatedAt) {}
