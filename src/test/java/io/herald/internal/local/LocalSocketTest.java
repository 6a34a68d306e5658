package io.herald.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** One connection's write queue, with the container's writes completed when the test says. */
class LocalSocketTest {

    /** A frame sink whose writes complete only when the test completes them, as a slow network would. */
    private static final class SlowOutbox implements FrameSink {
        final List<String> written = new ArrayList<>();
        final List<Consumer<Throwable>> inFlight = new ArrayList<>();
        String closedWith;

        @Override
        public void send(String frame, Consumer<Throwable> done) {
            written.add(frame);
            inFlight.add(done);
        }

        @Override
        public void close(int code, String reason) {
            closedWith = code + " " + reason;
        }

        void completeWrites() {
            while (!inFlight.isEmpty()) {
                inFlight.remove(0).accept(null);
            }
        }
    }

    @Test
    void aRefusalRepeatedWhileTheFirstIsBeingWrittenSendsOneFrameThenCloses() {
        SlowOutbox outbox = new SlowOutbox();
        LocalSocket socket = new LocalSocket("1.2", outbox, 10, 1024);

        socket.sendAndClose("{\"event\":\"pusher:error\",\"data\":\"4301\"}", 1009, "Message too big");
        socket.sendAndClose("{\"event\":\"pusher:error\",\"data\":\"4301\"}", 1009, "Message too big");
        outbox.completeWrites();

        assertThat(outbox.written).hasSize(1);
        assertThat(outbox.closedWith).isEqualTo("1009 Message too big");
    }

    @Test
    void framesQueuedBeforeARefusalAreWrittenFirst() {
        SlowOutbox outbox = new SlowOutbox();
        LocalSocket socket = new LocalSocket("1.2", outbox, 10, 1024);

        socket.send("first");
        socket.send("second");
        socket.sendAndClose("refusal", 4009, "Unauthorized");
        assertThat(outbox.closedWith).isNull();
        outbox.completeWrites();

        assertThat(outbox.written).containsExactly("first", "second", "refusal");
        assertThat(outbox.closedWith).isEqualTo("4009 Unauthorized");
    }
}
