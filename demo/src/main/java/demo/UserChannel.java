package demo;

import io.herald.auth.Authorization;
import io.herald.auth.ChannelAuthorizer;
import io.herald.auth.ChannelRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** A user's notifications are theirs alone: {@code private-User.{name}} is joined by that user only. */
@ApplicationScoped
public class UserChannel implements ChannelAuthorizer {

    @Override
    public String channel() {
        return "private-User.{name}";
    }

    @Override
    public Authorization authorize(ChannelRequest request) {
        return Authorization.allowIf(request.userName().equals(Optional.of(request.param("name"))));
    }
}
