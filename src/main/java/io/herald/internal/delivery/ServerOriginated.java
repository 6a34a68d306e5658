package io.herald.internal.delivery;

/**
 * A broadcast Herald makes on the application's behalf from what its data did (an entity's change, a notification)
 * rather than one the application fired: whose channel it goes to is decided by the data, so the sender rule
 * ({@code broadcast.private-channels.require-user}) does not apply, and a failure reports what the application
 * handed over ({@link #reported()}), not Herald's wrapper.
 */
interface ServerOriginated {

    /** What {@link io.herald.BroadcastFailed#payload()} carries when it fails. */
    Object reported();
}
