package org.originlive.sale;

/**
 * A sale's video: {@code UNAVAILABLE} (no media engine configured or reachable), {@code IDLE}
 * (nobody publishes), {@code PREVIEW} (the host rehearses before the sale is LIVE; only the host
 * sees this, viewers see {@code IDLE}), {@code LIVE}, {@code ENDED} (the sale is over).
 */
public enum VideoStatus {
    UNAVAILABLE,
    IDLE,
    PREVIEW,
    LIVE,
    ENDED
}
