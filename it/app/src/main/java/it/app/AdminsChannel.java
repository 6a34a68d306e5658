package it.app;

import io.herald.auth.Authorization;
import io.herald.auth.ChannelAuthorizer;
import io.herald.auth.ChannelRequest;
import jakarta.enterprise.context.ApplicationScoped;

/** Masonite's private example: only admins may join private-admins. */
@ApplicationScoped
public class AdminsChannel implements ChannelAuthorizer {

    @Override
    public String channel() {
        return "private-admins";
    }

    @Override
    public Authorization authorize(ChannelRequest request) {
        return Authorization.allowIf(request.isUserInRole("admin"));
    }
}
