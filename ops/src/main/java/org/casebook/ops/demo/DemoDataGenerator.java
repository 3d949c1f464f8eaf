package org.casebook.ops.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.casebook.command.engagement.Commands;
import org.casebook.command.engagement.LogCounselingSession;
import org.casebook.command.engagement.OpenEngagement;
import org.casebook.command.reference.DefineCenter;
import org.casebook.command.reference.DefineProgramme;
import org.casebook.command.reference.SetExchangeRate;
import org.casebook.ops.demo.DemoNetwork.Center;
import org.casebook.shared.actor.Actor;
import org.casebook.shared.actor.Role;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.CounselorId;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ProgrammeCode;
import org.casebook.shared.id.ResultId;
import org.casebook.shared.id.SessionId;
import org.casebook.shared.refusal.Refusal;
import org.casebook.shared.value.AttestationMethod;
import org.casebook.shared.value.Baseline;
import org.casebook.shared.value.ClosureReason;
import org.casebook.shared.value.Consents;
import org.casebook.shared.value.Contact;
import org.casebook.shared.value.Enterprise;
import org.casebook.shared.value.FinancingInstrument;
import org.casebook.shared.value.Gender;
import org.casebook.shared.value.Money;
import org.casebook.shared.value.Owner;
import org.casebook.shared.value.ResultDetails;
import org.casebook.shared.value.SessionType;
import org.casebook.shared.value.Stage;

/**
 * Realistic synthetic history, through the real command path (every rule applies; the rare command a
 * rule refuses is counted and skipped). The same seed and size give the same engagements, sessions and
 * results; engagements are generated on several threads, each from its own random stream.
 */
public class DemoDataGenerator {

    public record Outcome(long engagements, long commands, long refused) {
    }

    private static final Actor ADMIN = new Actor("demo.admin", Set.of(Role.ADMIN), Set.of(), Set.of());

    private final CommandGateway commands;
    private final Clock clock;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    public DemoDataGenerator(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    public static String engagementId(long seed, int index) {
        return engagementIdPrefix(seed) + index;
    }

    /** What the ids of a seed's engagements begin with. */
    public static String engagementIdPrefix(long seed) {
        return "demo-" + seed + "-";
    }

    /** The engagements, one command after another through the command bus; the network is defined first. */
    public Outcome generate(int engagements, long seed, LocalDate start, int threads) throws Exception {
        defineNetwork(seed, start);
        return generateEngagements(engagements, seed, start, threads);
    }

    /** The engagements alone, one command after another, on a network defined before. */
    public Outcome generateEngagements(int engagements, long seed, LocalDate start, int threads) throws Exception {
        LocalDate today = LocalDate.now(clock);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < engagements; i++) {
                int index = i;
                work.add(pool.submit(() -> engagement(seed, index, start, today)));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        return new Outcome(engagements, sent.get(), refused.get());
    }

    /**
     * The fast path, on a network defined before: each engagement's history through the import's path
     * (one command and one transaction an engagement), as one import batch of the system "demo".
     */
    public org.casebook.ops.imports.LegacyImports.Status generateByImport(int engagements, long seed, LocalDate start,
                                                                         org.casebook.ops.imports.LegacyImports imports) {
        LocalDate today = LocalDate.now(clock);
        return imports.importGenerated("demo", ADMIN, engagements,
                (index, batchId) -> history(seed, index, start, today, batchId));
    }

    /** The demo network's centers, programmes and exchange rates from the start's month to the last one. */
    public void defineNetwork(long seed, LocalDate start) {
        LocalDate today = LocalDate.now(clock);
        for (Center center : DemoNetwork.CENTERS) {
            send(ADMIN, new DefineCenter(new CenterId(center.id()), center.name(), center.country()), Role.ADMIN);
        }
        for (DemoNetwork.Programme programme : DemoNetwork.PROGRAMMES) {
            send(ADMIN, new DefineProgramme(new ProgrammeCode(programme.code()), programme.name(), programme.funder()),
                    Role.ADMIN);
        }
        Random random = new Random(seed);
        // Rates of every month up to the last one; the current month's rates are not published yet.
        for (Map.Entry<String, String> base : DemoNetwork.BASE_RATES.entrySet()) {
            BigDecimal rate = new BigDecimal(base.getValue());
            for (YearMonth month = YearMonth.from(start); month.isBefore(YearMonth.from(today)); month = month.plusMonths(1)) {
                double drift = 1 + (random.nextDouble() - 0.5) * 0.02;
                rate = rate.multiply(BigDecimal.valueOf(drift)).setScale(6, RoundingMode.HALF_EVEN);
                send(ADMIN, new SetExchangeRate(base.getKey(), month, rate), Role.ADMIN);
            }
        }
    }

    static Actor counselor(Center center, int which) {
        return new Actor(counselorName(center, which), Set.of(Role.COUNSELOR), Set.of(new CenterId(center.id())),
                Set.of());
    }

    static Actor director(Center center) {
        return new Actor(directorName(center), Set.of(Role.DIRECTOR), Set.of(new CenterId(center.id())), Set.of());
    }

    static String counselorName(Center center, int which) {
        return "counselor" + which + "." + center.id().toLowerCase();
    }

    static String directorName(Center center) {
        return "director." + center.id().toLowerCase();
    }

    /** Where the generator's commands go: the command bus, or a history to import. */
    @FunctionalInterface
    interface Sink {
        boolean send(Actor actor, Object command, Role... roles);
    }

    /**
     * The same engagement's history as an import brings it (see {@link HistoryRecorder}): for the fast
     * path, which stores each engagement as one command in one transaction.
     */
    public org.casebook.command.engagement.ImportEngagementHistory history(long seed, int index, LocalDate start,
                                                                            LocalDate today, String batchId) {
        HistoryRecorder recorder = new HistoryRecorder();
        engagement(recorder, seed, index, start, today);
        return recorder.history(batchId, "demo");
    }

    private void engagement(long seed, int index, LocalDate start, LocalDate today) {
        engagement(this::send, seed, index, start, today);
    }

    private void engagement(Sink sink, long seed, int index, LocalDate start, LocalDate today) {
        Random random = new Random(seed * 1_000_003L + index);
        Center center = pick(random, DemoNetwork.CENTERS);
        Actor counselor = counselor(center, 1 + random.nextInt(2));
        Actor director = director(center);
        EngagementId id = new EngagementId(engagementId(seed, index));
        long days = ChronoUnit.DAYS.between(start, today);
        LocalDate intake = start.plusDays(random.nextInt((int) Math.max(1, days)));
        Stage stage = pick(random, List.of(Stage.values()));
        Gender gender = random.nextInt(100) < 55 ? Gender.FEMALE
                : random.nextInt(100) < 96 ? Gender.MALE : pick(random, List.of(Gender.NON_BINARY, Gender.UNDISCLOSED));
        String owner = pick(random, DemoNetwork.GIVEN_NAMES) + " " + pick(random, DemoNetwork.FAMILY_NAMES);
        String programme = center.country().equals("BZ") || center.country().equals("JM") ? "SBDC-CARIBBEAN"
                : pick(random, List.of("DINAMICA", "AL-INVEST", "MIPYME-USAID"));
        String currency = center.currency();
        boolean sent = sink.send(counselor, new OpenEngagement(id, new CenterId(center.id()), new CounselorId(counselor.userId()),
                intake, new Enterprise(pick(random, DemoNetwork.BUSINESSES) + " " + owner.split(" ")[1] + " " + index,
                        String.format("%02d%012d", 1 + (int) (seed % 90), index), center.country(),
                        pick(random, DemoNetwork.SECTORS), stage, random.nextBoolean() ? "SOLE_PROPRIETOR" : "LLC"),
                new Owner(owner, gender, 1960 + random.nextInt(43)),
                new Contact(owner.toLowerCase().replace(' ', '.').replaceAll("[^a-z.]", "") + index + "@example.org", null),
                pick(random, List.of("RADIO", "REFERRAL", "BANK", "SOCIAL_MEDIA", "EVENT")),
                new Consents(random.nextInt(100) < 70, random.nextBoolean()),
                new Baseline(random.nextInt(10), random.nextInt(5), money(random, currency, 20_000, 2_000_000)),
                List.of(new ProgrammeCode(programme)), List.of(pick(random, DemoNetwork.AREAS))), Role.COUNSELOR);
        if (!sent) {
            return;
        }
        LocalDate date = intake;
        int sessions = 1 + random.nextInt(8);
        List<SessionId> logged = new ArrayList<>();
        for (int s = 0; s < sessions; s++) {
            date = date.plusDays(1 + random.nextInt(30));
            if (date.isAfter(today)) {
                break;
            }
            if (s == 3 && random.nextInt(100) < 4) {
                Center to = pick(random, DemoNetwork.CENTERS.stream()
                        .filter(other -> other.country().equals(center.country()) && !other.equals(center)).toList(),
                        center);
                if (to != center) {
                    Actor newCounselor = counselor(to, 1);
                    if (sink.send(counselor, new Commands.TransferEngagement(id, new CenterId(to.id()),
                            new CounselorId(newCounselor.userId()), date), Role.COUNSELOR)) {
                        counselor = newCounselor;
                        director = director(to);
                    }
                }
            }
            SessionId session = new SessionId(id.value() + "-s" + s);
            SessionType type = pick(random, List.of(SessionType.values()));
            if (sink.send(counselor, new LogCounselingSession(id, session, date, new CounselorId(counselor.userId()), type,
                    pick(random, DemoNetwork.AREAS), 30 + random.nextInt(150), random.nextInt(60),
                    type == SessionType.CLIENT_SITE ? 20 + random.nextInt(70) : 0, new ProgrammeCode(programme),
                    "Notes of session " + (s + 1), 1 + (random.nextInt(10) == 0 ? 1 : 0)), Role.COUNSELOR)) {
                logged.add(session);
            }
        }
        if (!logged.isEmpty() && random.nextInt(100) < 10) {
            SessionId wrong = pick(random, logged);
            sink.send(counselor, new Commands.CorrectCounselingSession(id, wrong, new LogCounselingSession(id, wrong, date,
                    new CounselorId(counselor.userId()), SessionType.PHONE, pick(random, DemoNetwork.AREAS),
                    20 + random.nextInt(90), random.nextInt(30), 0, new ProgrammeCode(programme), null, 1),
                    "Minutes corrected"), Role.COUNSELOR);
        }
        if (logged.size() > 1 && random.nextInt(100) < 5) {
            sink.send(counselor, new Commands.VoidCounselingSession(id, logged.get(logged.size() - 1), "Logged twice"),
                    Role.COUNSELOR);
        }
        int results = random.nextInt(4);
        for (int r = 0; r < results; r++) {
            LocalDate when = date.plusDays(random.nextInt(60));
            if (when.isAfter(today)) {
                when = today;
            }
            ResultId result = new ResultId(id.value() + "-r" + r);
            ResultDetails details = result(random, currency, intake, when, stage);
            if (!sink.send(counselor, new Commands.ReportResult(id, result, details), Role.COUNSELOR)) {
                continue;
            }
            if (random.nextInt(100) < 8) {
                sink.send(counselor, new Commands.CorrectResult(id, result, corrected(details),
                        "Checked against the evidence"), Role.COUNSELOR);
            }
            int fate = random.nextInt(100);
            if (fate < 70) {
                sink.send(counselor, new Commands.AttestResult(id, result, pick(random, List.of(AttestationMethod.SIGNED_FORM, AttestationMethod.EMAIL, AttestationMethod.PORTAL)),
                        "evidence/" + id.value() + "/" + r, sha256(random), when), Role.COUNSELOR);
                int verdict = random.nextInt(100);
                if (verdict < 70) {
                    sink.send(director, new Commands.VerifyResult(id, result), Role.DIRECTOR);
                } else if (verdict < 80) {
                    sink.send(director, new Commands.RejectResult(id, result, "Evidence does not support the amount"),
                            Role.DIRECTOR);
                }
            } else if (fate < 75) {
                sink.send(counselor, new Commands.WithdrawResult(id, result, "Claimed by mistake"), Role.COUNSELOR);
            }
        }
        // Centers close the files of clients they no longer see; a few stay open, forgotten.
        int closing = date.isBefore(today.minusMonths(6)) ? 95 : 15;
        if (random.nextInt(100) < closing) {
            sink.send(counselor, new Commands.CloseEngagement(id, pick(random, List.of(ClosureReason.COMPLETED, ClosureReason.CLIENT_WITHDREW, ClosureReason.NO_CONTACT)), null),
                    Role.COUNSELOR);
        }
    }

    private static ResultDetails result(Random random, String currency, LocalDate intake, LocalDate when, Stage stage) {
        int kind = random.nextInt(100);
        if (kind < 35) {
            return new ResultDetails.Financing(pick(random, List.of(FinancingInstrument.values())),
                    pick(random, DemoNetwork.SOURCES), money(random, currency, 5_000, 800_000), when);
        }
        if (kind < 70) {
            return new ResultDetails.Jobs(when, random.nextInt(4), random.nextInt(3), 1 + random.nextInt(6));
        }
        if (kind < 88) {
            LocalDate periodStart = when.minusMonths(6).isBefore(intake) ? intake.minusMonths(1) : when.minusMonths(6);
            Money before = money(random, currency, 50_000, 1_500_000);
            Money after = new Money(before.amount().multiply(BigDecimal.valueOf(1 + random.nextInt(60) / 100.0))
                    .setScale(2, RoundingMode.HALF_EVEN), currency);
            return new ResultDetails.SalesIncrease(periodStart, when.isAfter(periodStart) ? when : periodStart.plusDays(1),
                    before, after);
        }
        if (kind < 94 && stage != Stage.IN_BUSINESS) {
            return new ResultDetails.BusinessStart(when, "RM-" + when.getYear() + "-" + random.nextInt(100_000));
        }
        return new ResultDetails.Formalization(when, pick(random, List.of("RTN", "MUNICIPAL_PERMIT", "HEALTH_LICENSE")));
    }

    /** The same result with the values a closer look gives: a little less money, one more job retained. */
    private static ResultDetails corrected(ResultDetails details) {
        if (details instanceof ResultDetails.Financing f) {
            return new ResultDetails.Financing(f.instrument(), f.source(), new Money(f.amount().amount()
                    .multiply(new BigDecimal("0.9")).setScale(2, RoundingMode.HALF_EVEN), f.amount().currency()),
                    f.dateObtained());
        }
        if (details instanceof ResultDetails.Jobs j) {
            return new ResultDetails.Jobs(j.date(), j.fullTimeCreated(), j.partTimeCreated(), j.retained() + 1);
        }
        if (details instanceof ResultDetails.SalesIncrease s) {
            return new ResultDetails.SalesIncrease(s.periodStart(), s.periodEnd(), s.baselineSales(), new Money(
                    s.newSales().amount().multiply(new BigDecimal("0.95")).setScale(2, RoundingMode.HALF_EVEN),
                    s.newSales().currency()));
        }
        return details;
    }

    private static Money money(Random random, String currency, int min, int max) {
        return new Money(BigDecimal.valueOf(min + random.nextInt(max - min)).setScale(2, RoundingMode.HALF_EVEN),
                currency);
    }

    private static String sha256(Random random) {
        StringBuilder hex = new StringBuilder(64);
        for (int i = 0; i < 64; i++) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static <T> T pick(Random random, List<T> values, T otherwise) {
        return values.isEmpty() ? otherwise : pick(random, values);
    }

    /** Sends a command as the actor; false (and counted) if a rule refused it. */
    private boolean send(Actor actor, Object command, Role... roles) {
        sent.incrementAndGet();
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(actor.toMetaData(roles)).andMetaData(Map.of("correlationId", "demo-data")));
            return true;
        } catch (Refusal refusal) {
            refused.incrementAndGet();
            return false;
        }
    }

}
