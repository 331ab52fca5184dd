package org.originlive.chat;

import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.Role;

/**
 * The accounts the chat shows as authors and moderates, as they are now. The account feature
 * owns them and implements this, so {@code chat} never reads {@code app_user} nor depends on
 * {@code account}.
 */
public interface ChatUsers {

    /** An account's display name and role. */
    record ChatUser(UUID id, String displayName, Role role) {}

    /** The account, or empty when there is none (any more). */
    Uni<Optional<ChatUser>> find(UUID userId);
}
