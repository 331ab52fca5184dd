package org.originlive.catalog;

public enum ProductStatus {
    ACTIVE,
    ARCHIVED
}
