package org.casebook.ops.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.casebook.ops.start.Periodic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A user changed on any node (a new password, other roles, disabled) is forgotten by this node's
 * remembered sign-ins within {@code casebook.security.sign-in.change-poll}: every node looks for users
 * changed lately, with a margin for transactions that were still open when it last looked.
 */
@Component
class ChangedAccounts implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ChangedAccounts.class);
    /** Changes are looked for again this far back: a change's time is when its transaction began. */
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final RememberedSignIns signIns;
    private final Duration every;
    private Instant since;
    private Periodic poller;

    ChangedAccounts(DataSource dataSource, RememberedSignIns signIns,
                    @Value("${casebook.security.sign-in.change-poll:1s}") Duration every) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.signIns = signIns;
        this.every = every;
    }

    void forgetChanged() {
        Instant now = jdbc.queryForObject("SELECT now()", Timestamp.class).toInstant();
        Instant from = since == null ? now.minus(MARGIN) : since.minus(MARGIN);
        jdbc.queryForList("SELECT username FROM user_account WHERE updated_at > ?", String.class, Timestamp.from(from))
                .forEach(signIns::forget);
        since = now;
    }

    @Override
    public synchronized void start() {
        poller = Periodic.every("changed-accounts", every, every, this::forgetChanged, LOG,
                "Could not look for changed users this time");
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.stop();
            poller = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }
}
