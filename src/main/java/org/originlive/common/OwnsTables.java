package org.originlive.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables (or columns, as {@code table.column}) whose rows this class alone writes; never
 * empty (a class that only reads says so with {@link ReadsTables}). Only classes carrying one of
 * the two run SQL, and only on their own feature's tables; other features call them instead of
 * writing their own statements. ArchitectureTest checks all of it, and that no table has two owners.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OwnsTables {
    String[] value();
}
