package it.app;

import io.herald.CanBroadcast;
import io.herald.Channel;
import java.util.List;

/** A numbered receipt of a business transaction, on the default connection, channel {@code receipts}. */
public record Receipt(int seq) implements CanBroadcast {

    @Override
    public List<Channel> broadcastOn() {
        return List.of(new Channel("receipts"));
    }
}
