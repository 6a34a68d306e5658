package it.owb;

import io.herald.Broadcast;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/** A bean (added by the test that wants it) whose {@code @Broadcast} event type does not implement CanBroadcast. */
public class MisdeclaredEvent {
    @Inject
    @Broadcast
    Event<String> messages;
}
