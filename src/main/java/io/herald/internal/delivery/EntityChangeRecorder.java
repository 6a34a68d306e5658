package io.herald.internal.delivery;

import io.herald.BroadcastException;
import io.herald.internal.HeraldLog;
import io.herald.internal.HeraldMessages;
import io.herald.internal.model.EntityModel;
import io.herald.jpa.ChangeKind;
import io.herald.jpa.EntityChange;
import io.herald.jpa.EntityChanges;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Herald's {@link EntityChanges}: inside a JTA transaction, the changes are kept per transaction
 * ({@link PendingChanges}) and broadcast once it committed; outside one, at once. Whatever goes wrong is reported
 * ({@code HERALD-0233} or {@code HERALD-0201}, then {@link io.herald.BroadcastFailed}) and never thrown: the
 * persistence provider called from inside the application's flush.
 */
@ApplicationScoped
class EntityChangeRecorder implements EntityChanges {

    // The key of a transaction's PendingChanges in the TransactionSynchronizationRegistry: one per application.
    private final Object key = new Object();

    @Inject
    TransactionProbe transactions;

    @Inject
    BroadcastDispatcher dispatcher;

    @Inject
    BroadcastFailures failures;

    @Inject
    ConfiguredConnections connections;

    private String channelPrefix;

    @PostConstruct
    void readSettings() {
        channelPrefix = connections.settings().entityChannelPrefix();
    }

    // Made at startup: nothing injects this bean (the entity listener looks it up), and a container that removes
    // unused beans (Quarkus) keeps one that observes an event.
    void onStartup(@Observes Startup startup) {
        readSettings();
    }

    @Override
    public void created(Object entity) {
        record(ChangeKind.CREATED, entity);
    }

    @Override
    public void updated(Object entity) {
        record(ChangeKind.UPDATED, entity);
    }

    @Override
    public void deleted(Object entity) {
        record(ChangeKind.DELETED, entity);
    }

    @Override
    public void watch(Object entity) {
        pending();
    }

    private void record(ChangeKind kind, Object entity) {
        var pending = pending();
        if (pending.isPresent()) {
            pending.get().add(kind, entity);
            return;
        }
        if (transactions.inTransaction()) {   // one that would not take us any more: too late to wait for it
            HeraldLog.joinedTransactionLate(describe(kind, entity));
        }
        broadcast(kind, entity);
    }

    private Optional<PendingChanges> pending() {
        return transactions.perTransaction(key, PendingChanges::new,
                committed -> committed.forEach(this::broadcastCommitted));
    }

    private void broadcastCommitted(ChangeKind kind, Object entity) {
        broadcast(kind, entity, true);
    }

    private void broadcast(ChangeKind kind, Object entity) {
        broadcast(kind, entity, false);
    }

    // Every failure is reported, here (HERALD-0233) or, after a commit, by the dispatcher (HERALD-0201); none reaches
    // the persistence provider.
    private void broadcast(ChangeKind kind, Object entity, boolean afterCommit) {
        Object reported = entity;   // the change, once it could be read
        try {
            EntityChange change = change(kind, entity);
            reported = change;
            EntityChangeEvent event = EntityChangeEvent.of(change);
            dispatcher.firedIntoOutboxes(event);
            dispatcher.fired(event, afterCommit);
        } catch (RuntimeException e) {
            String change = describe(kind, entity);
            HeraldLog.entityChangeFailed(change, String.valueOf(e.getMessage()), e);
            BroadcastException failure = e instanceof BroadcastException known ? known
                    : new BroadcastException(connections.settings().defaultConnection(), List.of(), change,
                            String.valueOf(e.getMessage()), e);
            failures.report(failure, reported);
        }
    }

    private EntityChange change(ChangeKind kind, Object entity) {
        EntityModel model = EntityModel.of(entity.getClass());
        Object id = model.identifier(entity).orElseThrow(() -> HeraldMessages.noIdentifierYet(model.name()));
        Map<String, Object> attributes = kind == ChangeKind.DELETED ? Map.of(model.identifierName(), id)
                : model.attributes(entity);
        return new EntityChange(kind, entity, model.name(), id, channelPrefix + model.name() + "." + id, attributes);
    }

    private static String describe(ChangeKind kind, Object entity) {
        return EntityModel.find(entity.getClass()).map(EntityModel::name).orElse(entity.getClass().getSimpleName())
                + kind.suffix();
    }
}
