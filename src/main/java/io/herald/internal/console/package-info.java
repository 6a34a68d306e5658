/**
 * Herald's live console: a page served inside the application (off unless {@code broadcast.console.enabled}) that
 * shows connections, channels, members and every broadcast as it happens, fed over the {@code local} server's own
 * private channel. {@link io.herald.internal.console.ConsoleAccess} decides who may see it,
 * {@link io.herald.internal.console.ConsoleFeed} keeps the bounded live log (nothing while no page is open),
 * {@link io.herald.internal.console.ConsoleTap} watches broadcasts, {@link io.herald.internal.console.ConsoleResource}
 * serves the page, its state and its actions.
 */
package io.herald.internal.console;
