package io.herald.data;

import io.herald.Channel;
import io.herald.PrivateChannel;
import io.herald.jpa.BroadcastsChanges;
import io.herald.jpa.ChangeBroadcaster;
import io.herald.jpa.ChangeKind;
import io.herald.jpa.EntityChange;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import java.util.List;
import java.util.Map;

/** An entity that decides its own broadcasts, as Laravel's broadcastOn / broadcastAs / broadcastWith / broadcastWhen. */
@Entity(name = "StickyNote")
@EntityListeners(ChangeBroadcaster.class)
public class Note implements BroadcastsChanges {
    @Id
    @GeneratedValue
    Long id;

    String board;

    String text;

    boolean draft;

    protected Note() {
    }

    Note(String board, String text, boolean draft) {
        this.board = board;
        this.text = text;
        this.draft = draft;
    }

    @Override
    public List<Channel> broadcastOn(EntityChange change) {
        return List.of(new Channel("board." + board));
    }

    @Override
    public String broadcastAs(EntityChange change) {
        return change.kind() == ChangeKind.DELETED ? "note.gone" : "note.saved";
    }

    @Override
    public Object broadcastWith(EntityChange change) {
        return Map.of("text", text);
    }

    @Override
    public boolean broadcastWhen(EntityChange change) {
        return !draft;
    }
}
