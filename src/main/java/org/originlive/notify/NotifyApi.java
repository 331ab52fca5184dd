package org.originlive.notify;

import java.util.UUID;

/** What the reminder and email endpoints answer. */
public final class NotifyApi {

    private NotifyApi() {}

    /** The buyer asked to be reminded when the sale goes LIVE. */
    public record Reminder(UUID saleId, boolean reminded) {}

    /** The state of the caller's address: a confirmation link was sent ({@code confirmed} false) or it is confirmed. */
    public record EmailStatus(String email, boolean confirmed) {}

    /** The address behind an unsubscribe link gets no more reminders or order emails. */
    public record Unsubscribed(String email, boolean unsubscribed) {}
}
