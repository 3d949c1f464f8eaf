package org.casebook.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A fresh MongoDB database for one test: on the in-process server, or on the real MongoDB that
 * {@code -Dcasebook.test.mongodb-uri=mongodb://...} names. Dropped when closed.
 */
public final class TestMongo implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    private final MongoDatabase database;

    public TestMongo() {
        String uri = System.getProperty("casebook.test.mongodb-uri");
        if (uri == null) {
            server = new MongoServer(new MemoryBackend());
            uri = server.bindAndGetConnectionString();
        } else {
            server = null;
        }
        client = MongoClients.create(uri);
        database = client.getDatabase("casebook-test-" + System.nanoTime());
    }

    public MongoDatabase database() {
        return database;
    }

    @Override
    public void close() {
        database.drop();
        client.close();
        if (server != null) {
            server.shutdown();
        }
    }
}
