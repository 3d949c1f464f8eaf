package org.casebook.ops.start;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.MongoSecurityException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.postgresql.util.PSQLException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.web.server.PortInUseException;

/**
 * Why a start failed, as one plain line: what went wrong and what to do. Recognises the failures a
 * person starting Casebook can fix themselves (a port taken, a database out of reach, a setting with
 * a value that makes no sense, a data directory in use); any other failure is named by its cause.
 */
public record StartFailure(String description, String action) {

    private static final Pattern MONGO_ADDRESS = Pattern.compile("address=([^,}\\s]+)");

    /** The failure, if it is one a person can act on; empty if it is unexpected. */
    public static Optional<StartFailure> of(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            Optional<StartFailure> known = recognise(cause);
            if (known.isPresent()) {
                return known;
            }
        }
        return Optional.empty();
    }

    /** What went wrong and what to do, in one sentence or two: the recognised failure, or else its deepest cause. */
    public static String explain(Throwable failure) {
        return of(failure).map(StartFailure::sentence).orElseGet(() -> unexpected(failure));
    }

    String sentence() {
        return description + " " + action;
    }

    private static Optional<StartFailure> recognise(Throwable cause) {
        if (cause instanceof StartRefused refused) {
            return Optional.of(new StartFailure(refused.getMessage(), refused.action()));
        }
        if (cause instanceof PortInUseException taken) {
            return Optional.of(new StartFailure("The web server cannot listen on port " + taken.getPort()
                    + ": another program uses it.", "Stop that program, or choose another port with "
                    + StartRefused.named("server.port") + "."));
        }
        if (cause instanceof BindException invalid) {
            ConfigurationProperty property = invalid.getProperty();
            String value = property == null ? "" : " has the value \"" + property.getValue() + "\""
                    + (property.getOrigin() == null ? "" : " (from " + property.getOrigin() + ")");
            return Optional.of(new StartFailure("The setting " + invalid.getName() + value + ", which Casebook cannot use: "
                    + deepest(invalid).getMessage() + ".", "Correct or remove it; the README lists every setting."));
        }
        if (cause instanceof PSQLException postgres && postgres.getSQLState() != null) {
            String state = postgres.getSQLState();
            if (state.startsWith("08")) {
                return Optional.of(new StartFailure("PostgreSQL could not be reached: " + postgres.getMessage(),
                        "Check that it runs and that " + StartRefused.named("spring.datasource.url") + " names it."));
            }
            if (state.startsWith("28")) {
                return Optional.of(new StartFailure("PostgreSQL refused the sign-in: " + postgres.getMessage(),
                        "Check " + StartRefused.named("spring.datasource.username") + " and "
                                + StartRefused.named("spring.datasource.password") + "."));
            }
            if (state.equals("3D000")) {
                return Optional.of(new StartFailure("PostgreSQL has no such database: " + postgres.getMessage(),
                        "Create it, or name another in " + StartRefused.named("spring.datasource.url") + "."));
            }
        }
        if (cause instanceof MongoSecurityException refused) {
            return Optional.of(new StartFailure("MongoDB refused the sign-in: " + refused.getMessage(),
                    "Check the user and password in " + StartRefused.named("spring.data.mongodb.uri") + "."));
        }
        if (cause instanceof MongoTimeoutException || cause instanceof MongoSocketException) {
            Matcher address = MONGO_ADDRESS.matcher(String.valueOf(cause.getMessage()));
            return Optional.of(new StartFailure("MongoDB could not be reached"
                    + (address.find() ? " at " + address.group(1) : "") + ".",
                    "Check that it runs and that " + StartRefused.named("spring.data.mongodb.uri") + " names it."));
        }
        return Optional.empty();
    }

    private static String unexpected(Throwable failure) {
        Throwable deepest = deepest(failure);
        return deepest.getClass().getSimpleName() + ": " + deepest.getMessage() + " (the log above tells more).";
    }

    private static Throwable deepest(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable deepest = failure;
        while (deepest.getCause() != null && seen.put(deepest, true) == null) {
            deepest = deepest.getCause();
        }
        return deepest;
    }
}
