package org.originlive.live;

/**
 * When a room ticks and tells its audience size. Ticks come every second, or every
 * {@code big-room-tick} above {@code big-room} viewers (every frame carries {@code serverTime}
 * there, contract v2); audience sizes at most once a second, exact in small rooms and only on
 * moves of 1 % or more in big ones. Not thread-safe: used under its room's lock.
 */
final class RoomClock {

    private final int bigRoom;
    private final long bigRoomTickMillis;
    private long nextTickAt;
    private long nextViewersAt;
    private long lastViewersSent = -1;

    RoomClock(LiveConfig config) {
        this.bigRoom = config.bigRoom();
        this.bigRoomTickMillis = config.bigRoomTick().toMillis();
    }

    boolean tickDue(long millis, long audience) {
        if (millis < nextTickAt) {
            return false;
        }
        nextTickAt = millis + (audience > bigRoom ? bigRoomTickMillis : 1000);
        return true;
    }

    boolean viewersDue(long millis, long audience) {
        if (millis < nextViewersAt || !moved(audience)) {
            return false;
        }
        nextViewersAt = millis + 1000;
        lastViewersSent = audience;
        return true;
    }

    private boolean moved(long audience) {
        if (audience == lastViewersSent) {
            return false;
        }
        return lastViewersSent < 0
                || audience <= bigRoom
                || Math.abs(audience - lastViewersSent) * 100 >= lastViewersSent;
    }
}
