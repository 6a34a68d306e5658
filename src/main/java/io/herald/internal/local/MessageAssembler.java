package io.herald.internal.local;

/**
 * Puts a client's text message together from the parts the WebSocket container hands over as they arrive, and
 * stops at {@code maxBytes} of UTF-8: a message over the limit is refused while it is still arriving, so that no
 * client can make the server hold more than the limit (plus the container's read buffer) for it.
 *
 * <pre>{@code
 * MessageAssembler assembler = new MessageAssembler(10 * 1024);
 * switch (assembler.add(part, last)) {
 *     case COMPLETE -> app.receive(socket, assembler.take());
 *     case TOO_LARGE -> socket.refuseOversized();
 *     case PARTIAL -> { }
 * }
 * }</pre>
 */
final class MessageAssembler {

    /** Where the message stands after a part. */
    enum Progress {
        /** More parts are to come. */
        PARTIAL,
        /** The message is whole: {@link #take()} it. */
        COMPLETE,
        /** The message passed the limit; what came of it is dropped. */
        TOO_LARGE
    }

    private final int maxBytes;
    // Most messages come in one part: they are kept as they are, and a builder exists only while parts pile up, so
    // that an idle connection holds no buffer.
    private StringBuilder message;
    private String single;
    private int bytes;

    MessageAssembler(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Adds the next part; {@code last} ends the message. */
    Progress add(String part, boolean last) {
        bytes += utf8Length(part);
        if (bytes > maxBytes) {
            message = null;
            single = null;
            bytes = 0;
            return Progress.TOO_LARGE;
        }
        if (last && message == null) {
            single = part;
            return Progress.COMPLETE;
        }
        if (message == null) {
            message = new StringBuilder(part.length() * 2);
        }
        message.append(part);
        return last ? Progress.COMPLETE : Progress.PARTIAL;
    }

    /** The whole message, and a clean start for the next one. */
    String take() {
        String whole = single != null ? single : message.toString();
        single = null;
        message = null;
        bytes = 0;
        return whole;
    }

    static int utf8Length(CharSequence text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c)) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }
}
