package org.casebook.ops.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.casebook.command.web.EventPositions;
import org.casebook.ops.demo.DemoNetwork.Center;
import org.casebook.ops.imports.LegacyImports;
import org.casebook.ops.security.SecurityProperties;
import org.casebook.ops.security.UserAccount;
import org.casebook.ops.security.UserAccounts;
import org.casebook.shared.actor.Role;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.ProgrammeCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Fills an empty Casebook with demo data at start when {@code casebook.demo.engagements} is more than
 * zero: the network's centers, programmes and exchange rates, a director and two counselors per center
 * (with Casebook's own sign-in, password {@code casebook.demo.password}), an officer of each programme's
 * donors, and that many engagements.
 * Does nothing if the demo data of the seed is there already.
 */
@Component
@Order(0)
class DemoDataRunner implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataRunner.class);

    private final CommandGateway commands;
    private final EventPositions positions;
    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final SecurityProperties security;
    private final Clock clock;
    private final int engagements;
    private final long seed;
    private final LocalDate since;
    private final int threads;
    private final String password;
    /** {@code casebook.demo.path=import}: the fast path, each engagement's history as one import command. */
    private final boolean byImport;
    private final LegacyImports imports;

    DemoDataRunner(CommandGateway commands, EventPositions positions, UserAccounts accounts, PasswordEncoder passwords,
                   SecurityProperties security, Clock clock,
                   @Value("${casebook.demo.engagements:0}") int engagements,
                   @Value("${casebook.demo.seed:42}") long seed,
                   @Value("${casebook.demo.since:2023-01-01}") LocalDate since,
                   @Value("${casebook.demo.threads:4}") int threads,
                   @Value("${casebook.demo.password:demo-password}") String password,
                   @Value("${casebook.demo.path:commands}") String path, LegacyImports imports) {
        this.commands = commands;
        this.positions = positions;
        this.accounts = accounts;
        this.passwords = passwords;
        this.security = security;
        this.clock = clock;
        this.engagements = engagements;
        this.seed = seed;
        this.since = since;
        this.threads = threads;
        this.password = password;
        this.byImport = "import".equals(path);
        this.imports = imports;
    }

    @Override
    public void run(ApplicationArguments arguments) throws Exception {
        if (engagements <= 0 || positions.lastPositionOf(DemoDataGenerator.engagementId(seed, 0)) >= 0) {
            return;
        }
        LOG.info("Generating demo data: {} engagements since {}, seed {}", engagements, since, seed);
        long started = System.nanoTime();
        if (byImport) {
            DemoDataGenerator generator = new DemoDataGenerator(commands, clock);
            generator.defineNetwork(seed, since);
            LegacyImports.Status status = generator.generateByImport(engagements, seed, since, imports);
            if (security.mode() == SecurityProperties.Mode.EMBEDDED) {
                users();
            }
            LOG.info("Demo data by import {}: {} engagements, {} events in {} s ({} events/s)", status.batchId(),
                    status.engagementsDone(), status.events(), (System.nanoTime() - started) / 1_000_000_000,
                    status.eventsPerSecond());
            return;
        }
        DemoDataGenerator.Outcome outcome = new DemoDataGenerator(commands, clock)
                .generate(engagements, seed, since, threads);
        if (security.mode() == SecurityProperties.Mode.EMBEDDED) {
            users();
        }
        LOG.info("Demo data: {} engagements, {} commands ({} refused by the rules) in {} s; directors and "
                        + "counselors sign in as director.hn-tgu-01, counselor1.hn-tgu-01, ..., donors as "
                        + "donor.dinamica, donor.al-invest, ..., with the password '{}'",
                outcome.engagements(), outcome.commands(), outcome.refused(),
                (System.nanoTime() - started) / 1_000_000_000, password);
    }

    private void users() {
        String hash = passwords.encode(password);
        for (Center center : DemoNetwork.CENTERS) {
            Set<CenterId> centers = Set.of(new CenterId(center.id()));
            accounts.create(new UserAccount(DemoDataGenerator.directorName(center), hash, true,
                    EnumSet.of(Role.DIRECTOR), centers, Set.of()));
            for (int which = 1; which <= 2; which++) {
                accounts.create(new UserAccount(DemoDataGenerator.counselorName(center, which), hash, true,
                        EnumSet.of(Role.COUNSELOR), centers, Set.of()));
            }
        }
        for (DemoNetwork.Programme programme : DemoNetwork.PROGRAMMES) {
            accounts.create(new UserAccount("donor." + programme.code().toLowerCase(Locale.ROOT), hash, true,
                    EnumSet.of(Role.DONOR), Set.of(), Set.of(new ProgrammeCode(programme.code()))));
        }
    }
}
