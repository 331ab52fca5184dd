package org.originlive.account;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.originlive.chat.ChatUsers;

/** The chat's view of accounts: one lookup by primary key. */
@ApplicationScoped
public class AccountChatUsers implements ChatUsers {

    private final UserRepository users;

    AccountChatUsers(UserRepository users) {
        this.users = users;
    }

    @Override
    public Uni<Optional<ChatUser>> find(UUID userId) {
        return users.byId(userId)
                .map(user -> Optional.ofNullable(user).map(u -> new ChatUser(u.id, u.displayName, u.role)));
    }
}
