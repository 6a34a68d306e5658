package io.herald.endurance.server;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/**
 * The baseline's HTTP publishing, beside Herald's REST API: {@code POST /plain-events?channel=room-1} with the event's
 * data as the body fans it out through {@link PlainChannelsEndpoint}. No signature, no JSON reading: what is left of
 * Herald's REST cost above it is Pusher's protocol.
 */
@Path("plain-events")
@ApplicationScoped
public class PlainPublishResource {

    @POST
    public void publish(@QueryParam("channel") String channel, String data) {
        PlainChannelsEndpoint.publish(channel, data);
    }
}
