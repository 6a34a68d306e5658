package io.herald.internal.auth;

import io.herald.auth.Authorization;
import io.herald.BroadcastUser;
import io.herald.Channel;
import io.herald.auth.ChannelAuthorizer;
import io.herald.auth.ChannelRequest;
import io.herald.ChannelType;
import io.herald.PresenceMember;
import io.herald.auth.UserAuthenticator;
import io.herald.internal.HeraldLog;
import io.herald.internal.config.AuthSettings;
import io.herald.internal.config.HeraldSettings;
import io.herald.internal.protocol.PresenceData;
import io.herald.internal.protocol.UserData;
import io.herald.internal.protocol.ChannelPattern;
import io.herald.internal.protocol.PusherProtocol;
import io.herald.internal.signing.ChannelSigner;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Answers the browser's authorization requests: checks the input, asks the matching {@link ChannelAuthorizer} (or
 * applies the default policy), and signs what is allowed with the default connection's key and secret.
 */
@ApplicationScoped
public class ChannelAuthorization {

    @Inject
    @Any
    Instance<ChannelAuthorizer> authorizers;

    @Inject
    @Any
    Instance<UserAuthenticator> userAuthenticators;

    private volatile List<Candidate> candidates;
    private AuthSettings settings;
    private HeraldSettings configuration;
    private volatile Optional<ChannelSigner> signer;

    private record Candidate(ChannelPattern pattern, ChannelAuthorizer authorizer) {
    }

    @PostConstruct
    void readSettings() {
        configuration = HeraldSettings.fromMicroProfileConfig();
        settings = configuration.auth();
    }

    // Every authorizer's pattern is checked when the application starts (AuthorizerRule): a pattern that cannot work,
    // or two that would be chosen between silently, fail the deployment naming the beans. An authorizer that cannot be
    // made yet (GlassFish and Payara resolve a @PersistenceContext only inside a request) is checked at the first
    // authorization request instead.
    void collectAuthorizersAtStartup(@Observes Startup startup) {
        try {
            candidates();
        } catch (AuthorizerNotCreated notYet) {
            HeraldLog.authorizersCheckedLater(notYet.bean, notYet.getCause());
        }
    }

    /** An authorizer bean that could not be created, or could not name its channel. */
    private static final class AuthorizerNotCreated extends RuntimeException {
        private final String bean;

        AuthorizerNotCreated(String bean, RuntimeException cause) {
            super(bean + " could not be created: " + cause.getMessage(), cause);
            this.bean = bean;
        }
    }

    private List<Candidate> candidates() {
        List<Candidate> found = candidates;
        if (found == null) {
            found = collectAuthorizers();
            candidates = found;
        }
        return found;
    }

    private List<Candidate> collectAuthorizers() {
        List<AuthorizerRule.Declared> declared = new ArrayList<>();
        List<ChannelAuthorizer> instances = new ArrayList<>();
        for (Instance.Handle<ChannelAuthorizer> handle : authorizers.handles()) {
            String bean = handle.getBean().getBeanClass().getName();
            ChannelAuthorizer authorizer;
            String pattern;
            try {
                authorizer = handle.get();
                pattern = authorizer.channel();
            } catch (RuntimeException e) {
                throw new AuthorizerNotCreated(bean, e);
            }
            declared.add(new AuthorizerRule.Declared(bean, pattern));
            instances.add(authorizer);
        }
        AuthorizerRule.check(declared);
        List<Candidate> collected = new ArrayList<>();
        for (int i = 0; i < declared.size(); i++) {
            collected.add(new Candidate(ChannelPattern.compile(declared.get(i).pattern()), instances.get(i)));
        }
        collected.sort(Comparator.comparingInt((Candidate c) -> c.pattern().literalLength()).reversed()
                .thenComparing(c -> c.pattern().source()));
        return List.copyOf(collected);
    }

    /** The answer to a channel authorization request from {@code user} (null when anonymous). */
    public AuthAnswer authorizeChannel(String socketId, String channel, Principal user, Predicate<String> roles) {
        Optional<AuthAnswer> invalid = checkSocketId(socketId);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        if (channel == null || channel.isEmpty()) {
            return AuthAnswer.badRequest("channel_name is required");
        }
        if (!Channel.isValidName(channel)) {
            return AuthAnswer.badRequest("channel_name is not a valid channel name");
        }
        ChannelType type = ChannelType.of(channel);
        if (!type.needsAuthorization()) {
            return AuthAnswer.badRequest("channel '" + channel + "' is public and needs no authorization");
        }
        Optional<ChannelSigner> configured = signer();
        if (configured.isEmpty()) {
            return AuthAnswer.error(503, "channel authorization is not configured on this server");
        }
        ChannelSigner signer = configured.get();
        if (type == ChannelType.ENCRYPTED_PRIVATE && !signer.canEncrypt()) {
            return AuthAnswer.badRequest("channel '" + channel + "' is encrypted, but this server has no encryption-master-key");
        }
        Authorization decision = decide(channel, socketId, user, roles);
        if (decision instanceof Authorization.Denied denied) {
            HeraldLog.authorizationRefused(channel, 403, denied.reason());
            return AuthAnswer.forbidden(denied.reason());
        }
        if (type != ChannelType.PRESENCE) {
            return AuthAnswer.ok(signer.authorizePrivate(channel, socketId));
        }
        Optional<PresenceMember> member = ((Authorization.Allowed) decision).member()
                .or(() -> Optional.ofNullable(user).map(principal -> new PresenceMember(principal.getName())));
        if (member.isEmpty()) {
            return AuthAnswer.forbidden("a presence channel needs a signed-in user");
        }
        return AuthAnswer.ok(signer.authorizePresence(channel, socketId, PresenceData.channelData(member.get())));
    }

    /** The answer to a user sign-in request from {@code user} (null when anonymous). */
    public AuthAnswer authenticateUser(String socketId, Principal user) {
        Optional<AuthAnswer> invalid = checkSocketId(socketId);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        if (user == null) {
            return AuthAnswer.forbidden("sign-in needs a signed-in user");
        }
        BroadcastUser broadcastUser;
        try {
            broadcastUser = userAuthenticators.isResolvable()
                    ? userAuthenticators.get().authenticate(user)
                    : new BroadcastUser(user.getName());
        } catch (RuntimeException e) {
            HeraldLog.authorizerFailed("user sign-in", e);
            return AuthAnswer.forbidden("Forbidden");
        }
        if (broadcastUser == null) {
            return AuthAnswer.forbidden("Forbidden");
        }
        return signer().map(signer -> AuthAnswer.ok(signer.authenticateUser(socketId, UserData.of(broadcastUser))))
                .orElseGet(() -> AuthAnswer.error(503, "user authentication is not configured on this server"));
    }

    // The default connection's key and secret, read once; without them every request is answered 503 and logged.
    private Optional<ChannelSigner> signer() {
        Optional<ChannelSigner> found = signer;
        if (found == null) {
            String connection = configuration.defaultConnection();
            found = ChannelSigner.of(configuration.connection(connection));
            signer = found;
        }
        if (found.isEmpty()) {
            HeraldLog.authorizationUnavailable(configuration.defaultConnection());
        }
        return found;
    }

    private Authorization decide(String channel, String socketId, Principal user, Predicate<String> roles) {
        if (channel.equals(PusherProtocol.CONSOLE_CHANNEL)) {
            return Authorization.deny("Forbidden: Herald's console authorizes its own channel");
        }
        List<Candidate> all;
        try {
            all = candidates();
        } catch (AuthorizerNotCreated notCreated) {
            HeraldLog.authorizerFailed(channel, notCreated);
            return Authorization.deny();
        }
        for (Candidate candidate : all) {
            Optional<Map<String, String>> params = candidate.pattern().match(channel);
            if (params.isPresent()) {
                try {
                    Authorization decision = candidate.authorizer()
                            .authorize(new ChannelRequest(channel, socketId, user, roles, params.get()));
                    return decision == null ? Authorization.deny() : decision;
                } catch (RuntimeException e) {
                    HeraldLog.authorizerFailed(channel, e);
                    return Authorization.deny();
                }
            }
        }
        return defaultPolicy(channel, user);
    }

    private Authorization defaultPolicy(String channel, Principal user) {
        if (user != null) {
            return Authorization.allow();
        }
        if (settings.allowAnonymous() && ChannelType.of(channel) != ChannelType.PRESENCE) {
            return Authorization.allow();
        }
        return Authorization.deny("Forbidden: sign in first");
    }

    private static Optional<AuthAnswer> checkSocketId(String socketId) {
        if (socketId == null || socketId.isEmpty()) {
            return Optional.of(AuthAnswer.badRequest("socket_id is required"));
        }
        if (!PusherProtocol.isValidSocketId(socketId)) {
            return Optional.of(AuthAnswer.badRequest("socket_id must be two runs of digits joined by a dot"));
        }
        return Optional.empty();
    }
}
