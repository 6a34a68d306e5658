/**
 * What Herald reads of an application's entities, users and notifications to broadcast them in Laravel Echo's wire
 * format: entity names, identifiers and basic attributes ({@link io.herald.internal.model.EntityModel}, read from the
 * JPA annotations by name, so that nothing here needs the JPA API at run time), whom a notification goes to
 * ({@link io.herald.internal.model.Recipients}) and what it carries ({@link io.herald.internal.model.NotificationPayload}).
 */
package io.herald.internal.model;
