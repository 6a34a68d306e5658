package io.herald.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what Herald logs (logger {@code io.herald}), or what anything logs, while open. */
public final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Level levelBefore;

    /** What Herald logs. */
    public LogCapture() {
        this("io.herald");
    }

    private LogCapture(String loggerName) {
        this(loggerName, null);
    }

    private LogCapture(String loggerName, Level level) {
        logger = Logger.getLogger(loggerName);
        levelBefore = logger.getLevel();
        if (level != null) {
            logger.setLevel(level);
        }
        logger.addHandler(this);
    }

    /** What Herald logs, its DEBUG lines included (the level is restored on close). */
    public static LogCapture withDebug() {
        return new LogCapture("io.herald", Level.FINE);
    }

    /** What any library logs through java.util.logging (the servers in the tests do). */
    public static LogCapture everything() {
        return new LogCapture("");
    }

    /** The records that carry a stack trace, or are errors. */
    public List<LogRecord> errorsOrStackTraces() {
        return records.stream().filter(r -> r.getThrown() != null || r.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
    }

    /** The formatted messages logged at {@code level} or above. */
    public List<String> messages(Level level) {
        return records.stream().filter(r -> r.getLevel().intValue() >= level.intValue())
                .map(r -> new java.util.logging.SimpleFormatter().formatMessage(r)).toList();
    }

    /** Every logged message with its stack trace, as it would reach a log file. */
    public String text() {
        StringBuilder all = new StringBuilder();
        for (LogRecord record : records) {
            all.append(new java.util.logging.SimpleFormatter().format(record));
        }
        return all.toString();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(levelBefore);
    }
}
