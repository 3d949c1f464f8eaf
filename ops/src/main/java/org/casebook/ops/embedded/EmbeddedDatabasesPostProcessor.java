package org.casebook.ops.embedded;

import java.util.HashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded defaults. With no {@code spring.datasource.url}, starts an embedded PostgreSQL; with no
 * {@code spring.data.mongodb.uri}, an embedded MongoDB server; and points the standard properties at
 * them, so the rest of the service cannot tell them from real servers. With both properties set (as
 * in production), nothing is started. {@code casebook.embedded.enabled=false} forbids starting either.
 */
public class EmbeddedDatabasesPostProcessor implements EnvironmentPostProcessor {

    static final String DATASOURCE_URL = "spring.datasource.url";
    static final String MONGODB_URI = "spring.data.mongodb.uri";
    private static final String BEAN_NAME = "casebookEmbeddedDatabases";

    private final Log log;

    public EmbeddedDatabasesPostProcessor(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedDatabases.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        EmbeddedProperties properties = EmbeddedProperties.from(environment);
        boolean needsPostgres = !environment.containsProperty(DATASOURCE_URL);
        boolean needsMongo = !environment.containsProperty(MONGODB_URI);
        if (!properties.enabled() || (!needsPostgres && !needsMongo)) {
            return;
        }
        EmbeddedDatabases databases = new EmbeddedDatabases(log);
        Map<String, Object> urls = new HashMap<>();
        try {
            databases.claim(properties.dataDirectory());
            if (needsPostgres) {
                urls.put(DATASOURCE_URL, databases.startPostgres(properties));
                urls.put("spring.datasource.username", "postgres");
            }
            if (needsMongo) {
                urls.put(MONGODB_URI, databases.startMongo(properties));
            }
        } catch (RuntimeException e) {
            closeQuietly(databases);
            throw e;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("casebook-embedded-databases", urls));
        // Registered before any other bean, so destroyed after all of them: after the event processors
        // and connection pools that use the databases. A context that fails to start destroys it too.
        application.addInitializers((ConfigurableApplicationContext context) -> {
            var beans = (DefaultListableBeanFactory) context.getBeanFactory();
            beans.registerSingleton(BEAN_NAME, databases);
            beans.registerDisposableBean(BEAN_NAME, databases);
        });
    }

    static void closeQuietly(EmbeddedDatabases databases) {
        try {
            databases.destroy();
        } catch (Exception ignored) {
            // already failing; the original error says more
        }
    }
}
