package io.herald.local;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.ChannelEventListener;
import com.pusher.client.channel.PresenceChannelEventListener;
import com.pusher.client.channel.PrivateEncryptedChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.channel.User;
import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.ConnectionStateChange;
import com.pusher.client.util.HttpChannelAuthorizer;
import com.pusher.client.util.HttpUserAuthenticator;
import io.herald.testing.HeraldServer;
import io.herald.testing.TestLogin;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A pusher-java-client connection to a running Herald server, signed in to the app as {@code user}, that records
 * what it sees: events, subscription outcomes, presence changes and connection errors, each in its own queue.
 */
final class JavaClient implements AutoCloseable {
    final Pusher pusher;
    final BlockingQueue<PusherEvent> events = new LinkedBlockingQueue<>();
    final BlockingQueue<String> subscribed = new LinkedBlockingQueue<>();
    final BlockingQueue<String> errors = new LinkedBlockingQueue<>();
    final BlockingQueue<String> presence = new LinkedBlockingQueue<>();
    final BlockingQueue<ConnectionState> states = new LinkedBlockingQueue<>();

    JavaClient(HeraldServer server, String key, String user) {
        this(server.port(), server.uri("broadcasting/authorize"), server.uri("broadcasting/user-auth"), key, user);
    }

    /** A client of one instance of a cluster (JAX-RS at its root). */
    JavaClient(NodeProcess node, String user) {
        this(node.port(), node.uri("broadcasting/authorize"), node.uri("broadcasting/user-auth"), LocalEnv.KEY, user);
    }

    private JavaClient(int port, URI authorize, URI userAuth, String key, String user) {
        this(port, key, authorizer(authorize, user), authenticator(userAuth, user));
    }

    private static HttpChannelAuthorizer authorizer(URI authorize, String user) {
        HttpChannelAuthorizer authorizer = new HttpChannelAuthorizer(authorize.toString());
        if (user != null) {
            authorizer.setHeaders(Map.of(TestLogin.USER, user));
        }
        return authorizer;
    }

    private static HttpUserAuthenticator authenticator(URI userAuth, String user) {
        HttpUserAuthenticator authenticator = new HttpUserAuthenticator(userAuth.toString());
        if (user != null) {
            authenticator.setHeaders(Map.of(TestLogin.USER, user));
        }
        return authenticator;
    }

    /** A client whose subscriptions are signed by {@code authorizer} rather than the server's endpoint. */
    JavaClient(HeraldServer server, String key, com.pusher.client.ChannelAuthorizer authorizer) {
        this(server.port(), key, authorizer, new HttpUserAuthenticator(server.uri("broadcasting/user-auth").toString()));
    }

    private JavaClient(int port, String key, com.pusher.client.ChannelAuthorizer authorizer,
            com.pusher.client.UserAuthenticator authenticator) {
        pusher = new Pusher(key, new PusherOptions()
                .setHost("127.0.0.1")
                .setWsPort(port)
                .setUseTLS(false)
                .setChannelAuthorizer(authorizer)
                .setUserAuthenticator(authenticator));
    }

    JavaClient connect() {
        pusher.connect(new ConnectionEventListener() {
            @Override
            public void onConnectionStateChange(ConnectionStateChange change) {
                states.add(change.getCurrentState());
            }

            @Override
            public void onError(String message, String code, Exception e) {
                errors.add(code + " " + message);
            }
        }, ConnectionState.ALL);
        return this;
    }

    JavaClient connected() throws InterruptedException {
        connect();
        awaitState(ConnectionState.CONNECTED);
        return this;
    }

    void awaitState(ConnectionState wanted) throws InterruptedException {
        ConnectionState state;
        do {
            state = states.poll(10, TimeUnit.SECONDS);
            if (state == null) {
                throw new AssertionError("Connection never reached " + wanted);
            }
        } while (state != wanted);
    }

    /** A listener for any channel type that records into this client's queues. */
    final Listener listener = new Listener();

    final class Listener implements PresenceChannelEventListener, PrivateEncryptedChannelEventListener, ChannelEventListener {
        @Override
        public void onEvent(PusherEvent event) {
            events.add(event);
        }

        @Override
        public void onSubscriptionSucceeded(String channelName) {
            subscribed.add(channelName);
        }

        @Override
        public void onAuthenticationFailure(String message, Exception e) {
            errors.add("auth " + message);
        }

        @Override
        public void onDecryptionFailure(String event, String reason) {
            errors.add("decryption " + reason);
        }

        @Override
        public void onUsersInformationReceived(String channelName, Set<User> users) {
            users.stream().map(User::getId).sorted().forEach(id -> presence.add("here " + id));
        }

        @Override
        public void userSubscribed(String channelName, User user) {
            presence.add("joined " + user.getId() + " " + user.getInfo());
        }

        @Override
        public void userUnsubscribed(String channelName, User user) {
            presence.add("left " + user.getId());
        }
    }

    static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
        T item = queue.poll(10, TimeUnit.SECONDS);
        if (item == null) {
            throw new AssertionError("Nothing arrived within 10 s");
        }
        return item;
    }

    /** Waits until every one of {@code channels} was confirmed subscribed, in whatever order they are confirmed. */
    void awaitSubscribed(String... channels) throws InterruptedException {
        Set<String> waiting = new java.util.HashSet<>(Set.of(channels));
        while (!waiting.isEmpty()) {
            String confirmed = subscribed.poll(10, TimeUnit.SECONDS);
            if (confirmed == null) {
                throw new AssertionError("Not subscribed within 10 s: " + waiting + "; errors " + errors);
            }
            waiting.remove(confirmed);
        }
    }

    /** The next item that does not start with {@code prefix}, skipping those that do. */
    static String nextNotStartingWith(BlockingQueue<String> queue, String prefix) throws InterruptedException {
        String item;
        do {
            item = next(queue);
        } while (item.startsWith(prefix));
        return item;
    }

    @Override
    public void close() {
        pusher.disconnect();
    }
}
