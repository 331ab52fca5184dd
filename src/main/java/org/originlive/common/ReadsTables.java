package org.originlive.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables a read-only class queries; it writes none. Each must be owned ({@link OwnsTables})
 * by a class of the same feature package: a feature reads its own tables where it likes, and
 * asks other features (their services or a port it owns) for theirs. ArchitectureTest checks the
 * feature, that the list is not empty, and that its SQL neither writes nor reads other tables.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadsTables {
    String[] value();
}
