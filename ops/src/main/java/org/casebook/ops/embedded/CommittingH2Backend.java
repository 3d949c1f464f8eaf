package org.casebook.ops.embedded;

import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of the embedded MongoDB server, committing its file when a write asks to be journaled
 * (write concern {@code j: true}) and after every change of collections or indexes, as a real MongoDB
 * flushes its journal. On its own the backend leaves writes to H2's background commit, about a second
 * later: a process that died in between would lose read-model writes whose event processor had already
 * stored its token in PostgreSQL, and the read models would miss those events for good. The projections
 * therefore write the last documents of each batch journaled: that write commits the batch's earlier
 * writes with it (the file is committed as a whole, in order), before the processor's transaction
 * commits. As with PostgreSQL, a crash of the machine itself may still lose what the operating system
 * had not yet written.
 */
final class CommittingH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify");
    private static final Set<String> SCHEMA = Set.of("createindexes", "dropindexes", "drop", "dropdatabase",
            "renamecollection", "create");

    CommittingH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document answer = super.handleCommand(channel, databaseName, command, query);
        String name = command.toLowerCase(Locale.ROOT);
        if (SCHEMA.contains(name) || WRITES.contains(name) && journaled(query)) {
            commit();
        }
        return answer;
    }

    /** Whether the write asks to be journaled before it is answered: {@code j: true} or {@code fsync: true}. */
    private static boolean journaled(Document query) {
        return query.get("writeConcern") instanceof Document concern
                && (Boolean.TRUE.equals(concern.get("j")) || Boolean.TRUE.equals(concern.get("fsync")));
    }
}
