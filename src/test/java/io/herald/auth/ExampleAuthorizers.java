package io.herald.auth;

import io.herald.auth.Authorization;
import io.herald.auth.ChannelAuthorizer;
import io.herald.auth.ChannelRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/** The application's authorizers in these tests: Masonite's two examples, a presence pattern and a broken one. */
final class ExampleAuthorizers {

    private ExampleAuthorizers() {
    }

    /** Masonite's first example: user N may join private-N. */
    @ApplicationScoped
    static class OwnChannel implements ChannelAuthorizer {
        @Override
        public String channel() {
            return "private-{userId}";
        }

        @Override
        public Authorization authorize(ChannelRequest request) {
            return Authorization.allowIf(request.userName().equals(Optional.of(request.param("userId"))));
        }
    }

    /** Masonite's second example: only admins may join private-admins. */
    @ApplicationScoped
    static class AdminsChannel implements ChannelAuthorizer {
        @Override
        public String channel() {
            return "private-admins";
        }

        @Override
        public Authorization authorize(ChannelRequest request) {
            return Authorization.allowIf(request.isUserInRole("admin"));
        }
    }

    /** Laravel's orders.{orderId}, on a presence channel: members carry the order they look at. */
    @ApplicationScoped
    static class OrderRoom implements ChannelAuthorizer {
        @Override
        public String channel() {
            return "presence-orders.{orderId}";
        }

        @Override
        public Authorization authorize(ChannelRequest request) {
            if (request.param("orderId").equals("13")) {
                return Authorization.deny("Order 13 is closed");
            }
            return Authorization.allowAs(request.userName().orElse("guest"), Map.of("order", request.param("orderId")));
        }
    }

    /** An authorizer with a bug. */
    @ApplicationScoped
    static class Broken implements ChannelAuthorizer {
        @Override
        public String channel() {
            return "private-broken.{id}";
        }

        @Override
        public Authorization authorize(ChannelRequest request) {
            throw new IllegalStateException("database down");
        }
    }
}
