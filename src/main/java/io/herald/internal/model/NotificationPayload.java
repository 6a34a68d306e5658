package io.herald.internal.model;

import io.herald.internal.HeraldMessages;
import io.herald.notifications.BroadcastNotification;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a notification carries on the wire, as Laravel's {@code BroadcastNotificationCreated} sends it: the
 * notification's fields, then {@code id} and {@code type} (which win over fields of those names, as Laravel's
 * {@code array_merge} lets them).
 *
 * <pre>{@code
 * NotificationPayload.of(new InvoicePaid(7), uuid);   // {"invoiceId":7,"id":"<uuid>","type":"com.example.InvoicePaid"}
 * }</pre>
 */
public final class NotificationPayload {

    private NotificationPayload() {
    }

    /**
     * The payload of {@code notification}: its record components, then {@code id} and {@code type}.
     *
     * @throws IllegalArgumentException when it is not a record
     */
    public static Map<String, Object> of(Object notification, UUID id) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (notification instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                fields.put(component.getName(), read(record, component));
            }
        } else {
            throw HeraldMessages.notANotification(notification == null ? "null" : notification.getClass().getName());
        }
        fields.put("id", id.toString());
        fields.put("type", notification instanceof BroadcastNotification typed ? typed.broadcastType()
                : notification.getClass().getName());
        return fields;
    }

    private static Object read(Record record, RecordComponent component) {
        try {
            var accessor = component.getAccessor();
            accessor.trySetAccessible();
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw HeraldMessages.unreadableAttribute(component.getName(), record.getClass().getName(), e);
        }
    }
}
