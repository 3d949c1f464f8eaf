package org.casebook.ops.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the embedded MongoDB server's file holds when the process dies right after a write. */
class CommittingH2BackendTest {

    @TempDir
    Path data;

    /**
     * Writes through a server on a store that H2 never commits by itself, then drops the store without
     * closing it, as a killed process would; returns what the file holds afterwards.
     *
     * @param last the write made last, journaled or not
     */
    private List<Document> writeAndDie(Function<MVStore, H2Backend> backend, WriteConcern last) {
        Path file = data.resolve("read-models.mv.db");
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        MongoServer server = new MongoServer(backend.apply(store));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> caseloads = client.getDatabase("casebook").getCollection("caseloads");
            caseloads.insertOne(new Document("_id", "HN-TGU-01").append("open", 1));
            caseloads.updateOne(Filters.eq("_id", "HN-TGU-01"), Updates.inc("open", 1));
            caseloads.insertOne(new Document("_id", "GT-GUA-01").append("open", 5));
            caseloads.deleteOne(Filters.eq("_id", "GT-GUA-01"));
            caseloads.withWriteConcern(last).insertOne(new Document("_id", "SV-SSA-01").append("open", 3));
            store.closeImmediately();
        } finally {
            server.shutdown();
        }
        MVStore reopened = new MVStore.Builder().fileName(file.toString()).open();
        MongoServer again = new MongoServer(new H2Backend(reopened));
        try (MongoClient client = MongoClients.create(again.bindAndGetConnectionString())) {
            return client.getDatabase("casebook").getCollection("caseloads").find().into(new ArrayList<>());
        } finally {
            again.shutdown();
        }
    }

    @Test
    void aJournaledWriteIsInTheFileWhenItIsAnsweredWithEveryWriteBeforeIt() {
        assertThat(writeAndDie(CommittingH2Backend::new, WriteConcern.JOURNALED)).containsExactly(
                new Document("_id", "HN-TGU-01").append("open", 2), new Document("_id", "SV-SSA-01").append("open", 3));
    }

    @Test
    void writesNotAskedToBeJournaledWaitForTheBackgroundCommit() {
        assertThat(writeAndDie(CommittingH2Backend::new, WriteConcern.ACKNOWLEDGED)).isEmpty();
    }

    @Test
    void theBackendAloneLeavesEvenAJournaledWriteToACommitThatMayNeverCome() {
        assertThat(writeAndDie(H2Backend::new, WriteConcern.JOURNALED)).isEmpty();
    }
}
