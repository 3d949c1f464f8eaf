package org.casebook.ops.embedded;

import java.util.Set;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of the embedded MongoDB server, committing its file after every write command. On its
 * own the backend leaves writes to H2's background commit, about a second later: a process that died
 * in between would lose read-model writes whose event processor had already stored its token in
 * PostgreSQL, and the read models would miss those events for good. Committed, they are in the file
 * before the processor's transaction commits (as with PostgreSQL, a crash of the machine itself may
 * still lose what the operating system had not yet written).
 */
final class CommittingH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
            "dropindexes", "drop", "dropdatabase", "renamecollection", "create");

    CommittingH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document answer = super.handleCommand(channel, databaseName, command, query);
        if (WRITES.contains(command.toLowerCase(java.util.Locale.ROOT))) {
            commit();
        }
        return answer;
    }
}
