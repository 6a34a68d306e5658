package demo;

import io.herald.auth.Authorization;
import io.herald.auth.ChannelAuthorizer;
import io.herald.auth.ChannelRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Who is online: every signed-in user joins presence-online, showing their role to the others. */
@ApplicationScoped
public class OnlineChannel implements ChannelAuthorizer {

    @Override
    public String channel() {
        return "presence-online";
    }

    @Override
    public Authorization authorize(ChannelRequest request) {
        return request.userName()
                .map(name -> Authorization.allowAs(name, Map.of("role", request.isUserInRole("admin") ? "admin" : "basic")))
                .orElseGet(() -> Authorization.deny("Log in to appear online"));
    }
}
