package io.herald.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/**
 * Sender threads in the test's hands: tasks wait until the test runs them, one after another, on its own thread.
 *
 * <pre>{@code
 * executor.execute(task);   // nothing runs yet
 * executor.runAll();        // now, on this thread, with whatever the task starts
 * }</pre>
 */
public final class ManualExecutor implements Executor {
    private final Deque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs every task, including those the tasks start, until none is left. */
    public void runAll() {
        Runnable next;
        while ((next = poll()) != null) {
            next.run();
        }
    }

    public synchronized int waiting() {
        return tasks.size();
    }

    private synchronized Runnable poll() {
        return tasks.poll();
    }
}
