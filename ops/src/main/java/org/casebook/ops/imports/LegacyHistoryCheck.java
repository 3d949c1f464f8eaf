package org.casebook.ops.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.casebook.command.engagement.Commands.ReportResult;
import org.casebook.command.engagement.ImportEngagementHistory;
import org.casebook.command.engagement.LogCounselingSession;
import org.casebook.command.engagement.OpenEngagement;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.CounselorId;
import org.casebook.shared.id.ProgrammeCode;
import org.casebook.shared.imported.Imported;
import org.casebook.shared.imported.Imported.LegacyVerification;
import org.casebook.shared.refusal.Refusal;
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
import org.casebook.shared.value.ResultStatus;
import org.casebook.shared.value.SessionType;
import org.casebook.shared.value.Stage;

/**
 * Checks the rows of a legacy history as the commands would: each engagement, session and result row
 * is read into the command that would record it (so a command's own rules refuse what they refuse), and
 * the rows are checked together: legacy ids once per file, sessions and results of engagements the
 * files hold, dates not before the intake nor after today, centers and programmes Casebook knows, one
 * open engagement per enterprise identity. Every problem names its file, line and column.
 */
public final class LegacyHistoryCheck {

    /**
     * What Casebook already knows that the rows must agree with.
     *
     * @param counselors  the people who may counsel ({@code null}: not known here, as with users kept by an
     *                    identity provider, and not checked)
     * @param openAt      the center of the open engagement that holds an identity (country, normalized tax id)
     * @param imported    whether an engagement id was imported before
     */
    public record Known(Set<String> centers, Set<String> programmes, Set<String> counselors,
                        java.util.function.BiFunction<String, String, java.util.Optional<String>> openAt,
                        LocalDate today, java.util.function.Predicate<String> imported) {
    }

    /** One engagement's rows, read: the intake, and the sessions and results read so far. */
    record Engagement(LegacyRows.Row row, OpenEngagement open, ImportEngagementHistory.Closure closure,
                      List<ImportEngagementHistory.ImportedSession> sessions,
                      List<ImportEngagementHistory.ImportedResult> results) {

        /** The command that imports it, for a batch of a legacy system. */
        ImportEngagementHistory command(String batchId, String system) {
            return new ImportEngagementHistory(open.engagementId(), new Imported(batchId, system, row.get("legacyId")),
                    open, sessions, results, closure);
        }
    }

    /** Where each command field's value came from. */
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("engagementId", "legacyId"), Map.entry("enterprise.name", "enterpriseName"),
            Map.entry("enterprise.taxId", "taxId"), Map.entry("enterprise.country", "country"),
            Map.entry("enterprise.sector", "sector"), Map.entry("enterprise.stage", "stage"),
            Map.entry("enterprise.legalForm", "legalForm"), Map.entry("owner.name", "ownerName"),
            Map.entry("owner.gender", "ownerGender"), Map.entry("owner.birthYear", "ownerBirthYear"),
            Map.entry("contact.email", "email"), Map.entry("contact.phone", "phone"),
            Map.entry("sessionId", "legacyId"), Map.entry("resultId", "legacyId"),
            Map.entry("details.amount", "amount"), Map.entry("details.dateObtained", "date"),
            Map.entry("details.date", "date"), Map.entry("details.periodEnd", "date"),
            Map.entry("details.periodStart", "periodStart"), Map.entry("details.baselineSales", "baselineSales"),
            Map.entry("details.newSales", "newSales"), Map.entry("details.instrument", "instrument"),
            Map.entry("details.source", "source"), Map.entry("details.fullTimeCreated", "fullTimeCreated"),
            Map.entry("details.partTimeCreated", "partTimeCreated"), Map.entry("details.retained", "retained"),
            Map.entry("details.registrationNumber", "registrationNumber"),
            Map.entry("details.registrationKind", "registrationKind"));

    private final Known known;
    private final ImportIds ids;
    private final Locale locale;
    private final List<ImportProblem> problems = new ArrayList<>();
    private final List<Engagement> read = new ArrayList<>();

    public LegacyHistoryCheck(Known known, ImportIds ids, Locale locale) {
        this.known = known;
        this.ids = ids;
        this.locale = locale;
    }

    /** The engagements read, in the order of their file, with the sessions and results that belong to them. */
    List<Engagement> engagements() {
        return List.copyOf(read);
    }

    /** The problems of these rows; none: they can be imported. */
    public List<ImportProblem> check(List<LegacyRows.Row> engagementRows, List<LegacyRows.Row> sessionRows,
                                     List<LegacyRows.Row> resultRows) {
        Map<String, Engagement> engagements = new HashMap<>();
        Map<String, LegacyRows.Row> identities = new HashMap<>();
        for (LegacyRows.Row row : once(engagementRows)) {
            Engagement engagement = engagement(row);
            if (engagement == null) {
                continue;
            }
            engagements.put(row.get("legacyId"), engagement);
            read.add(engagement);
            String taxId = org.casebook.command.engagement.Engagement.normalizedTaxId(engagement.open().enterprise().taxId());
            if (taxId != null && engagement.closure() == null) {
                String country = engagement.open().enterprise().country();
                LegacyRows.Row first = identities.putIfAbsent(country + "|" + taxId, row);
                if (first != null) {
                    problem(row, "taxId", Refusal.rule("import-identity-twice", "taxId", first.get("legacyId"),
                            first.line()));
                } else if (!known.imported().test(engagement.open().engagementId().value())) {
                    // An engagement imported before holds the identity itself.
                    known.openAt().apply(country, taxId).ifPresent(center -> problem(row, "taxId",
                            Refusal.rule("enterprise-engagement-open", "taxId", center)));
                }
            }
        }
        for (LegacyRows.Row row : once(sessionRows)) {
            Engagement engagement = parent(row, engagements);
            if (engagement != null) {
                session(row, engagement);
            }
        }
        for (LegacyRows.Row row : once(resultRows)) {
            Engagement engagement = parent(row, engagements);
            if (engagement != null) {
                result(row, engagement);
            }
        }
        return problems;
    }

    /** The rows whose legacy id no earlier row of the file has; the others are reported. */
    private List<LegacyRows.Row> once(List<LegacyRows.Row> rows) {
        Map<String, LegacyRows.Row> seen = new LinkedHashMap<>();
        for (LegacyRows.Row row : rows) {
            String id = row.get("legacyId");
            if (id == null) {
                problem(row, "legacyId", Refusal.required("legacyId"));
                continue;
            }
            LegacyRows.Row first = seen.putIfAbsent(id, row);
            if (first != null) {
                problem(row, "legacyId", Refusal.rule("import-legacy-id-twice", "legacyId", id, first.line()));
            }
        }
        return List.copyOf(seen.values());
    }

    private Engagement parent(LegacyRows.Row row, Map<String, Engagement> engagements) {
        String parent = row.get("engagementLegacyId");
        if (parent == null) {
            problem(row, "engagementLegacyId", Refusal.required("engagementLegacyId"));
            return null;
        }
        Engagement engagement = engagements.get(parent);
        if (engagement == null) {
            problem(row, "engagementLegacyId", Refusal.rule("import-engagement-unknown", "engagementLegacyId", parent));
        }
        return engagement;
    }

    private Engagement engagement(LegacyRows.Row row) {
        Cells cells = new Cells(row);
        LocalDate intake = cells.date("intakeDate");
        Stage stage = cells.code("stage", Stage.class);
        Gender gender = cells.code("ownerGender", Gender.class);
        Integer birthYear = cells.number("ownerBirthYear");
        Integer fullTime = cells.number("fullTimeEmployees");
        Integer partTime = cells.number("partTimeEmployees");
        Money sales = cells.money("annualSales", "currency");
        Boolean share = cells.flag("shareWithFunders");
        Boolean surveys = cells.flag("surveys");
        LocalDate closed = cells.date("closedDate");
        ClosureReason reason = cells.code("closureReason", ClosureReason.class);
        String center = row.get("centerId");
        if (center != null && !known.centers().contains(center)) {
            problem(row, "centerId", Refusal.rule("center-unknown", "centerId", center));
        }
        counselor(row);
        List<String> programmes = cells.list("programmes");
        programmes.stream().filter(code -> !known.programmes().contains(code)).forEach(code ->
                problem(row, "programmes", Refusal.rule("programme-unknown", "programmes", code)));
        if (intake != null && intake.isAfter(known.today())) {
            problem(row, "intakeDate", Refusal.rule("date-in-future", "intakeDate", intake));
        }
        if ((closed == null) != (reason == null) && !cells.failed("closedDate") && !cells.failed("closureReason")) {
            problem(row, closed == null ? "closedDate" : "closureReason",
                    Refusal.required(closed == null ? "closedDate" : "closureReason"));
        }
        if (closed != null && intake != null && closed.isBefore(intake)) {
            problem(row, "closedDate", Refusal.rule("date-before-intake", "closedDate", closed, intake));
        } else if (closed != null && closed.isAfter(known.today())) {
            problem(row, "closedDate", Refusal.rule("date-in-future", "closedDate", closed));
        }
        ImportEngagementHistory.Closure closure = closed == null || reason == null ? null
                : command(row, () -> new ImportEngagementHistory.Closure(closed, reason));
        if (cells.anyFailed()) {
            return null;
        }
        OpenEngagement open = command(row, () -> new OpenEngagement(ids.engagement(row.get("legacyId")),
                center == null ? null : new CenterId(center),
                row.get("counselorId") == null ? null : new CounselorId(row.get("counselorId")), intake,
                new Enterprise(row.get("enterpriseName"), row.get("taxId"), row.get("country"), row.get("sector"), stage,
                        row.get("legalForm")),
                new Owner(row.get("ownerName"), gender, birthYear),
                new Contact(row.get("email"), row.get("phone")), row.get("referralSource"),
                new Consents(Boolean.TRUE.equals(share), Boolean.TRUE.equals(surveys)),
                new Baseline(fullTime == null ? 0 : fullTime, partTime == null ? 0 : partTime, sales),
                programmes.stream().map(ProgrammeCode::new).toList(), cells.list("needs")));
        if (open == null || (closed != null && reason != null && closure == null)) {
            return null;
        }
        return new Engagement(row, open, closure, new ArrayList<>(), new ArrayList<>());
    }

    private void session(LegacyRows.Row row, Engagement engagement) {
        Cells cells = new Cells(row);
        LocalDate date = cells.date("date");
        SessionType type = cells.code("type", SessionType.class);
        Integer contact = cells.number("contactMinutes");
        Integer prep = cells.number("prepMinutes");
        Integer travel = cells.number("travelMinutes");
        counselor(row);
        String programme = row.get("programme");
        if (programme != null && !known.programmes().contains(programme)) {
            problem(row, "programme", Refusal.rule("programme-unknown", "programme", programme));
        }
        dateWithin(row, cells, "date", date, engagement);
        if (cells.anyFailed()) {
            return;
        }
        LogCounselingSession session = command(row, () -> new LogCounselingSession(engagement.open().engagementId(),
                ids.session(row.get("legacyId")), date,
                row.get("counselorId") == null ? null : new CounselorId(row.get("counselorId")), type, row.get("area"),
                contact, prep, travel, programme == null ? null : new ProgrammeCode(programme), row.get("notes"), null));
        if (session != null) {
            engagement.sessions().add(new ImportEngagementHistory.ImportedSession(row.get("legacyId"), session));
        }
    }

    private void result(LegacyRows.Row row, Engagement engagement) {
        Cells cells = new Cells(row);
        String kind = row.get("kind");
        LocalDate date = cells.date("date");
        dateWithin(row, cells, "date", date, engagement);
        ResultStatus state = cells.code("evidenceState", ResultStatus.class);
        LocalDate verifiedDate = cells.date("verifiedDate");
        dateWithin(row, cells, "verifiedDate", verifiedDate, engagement);
        ResultDetails details = switch (kind == null ? "" : kind) {
            case "FINANCING" -> new ResultDetails.Financing(cells.code("instrument", FinancingInstrument.class),
                    row.get("source"), cells.money("amount", "currency"), date);
            case "JOBS" -> new ResultDetails.Jobs(date, orZero(cells.number("fullTimeCreated")),
                    orZero(cells.number("partTimeCreated")), orZero(cells.number("retained")));
            case "SALES_INCREASE" -> new ResultDetails.SalesIncrease(cells.date("periodStart"), date,
                    cells.money("baselineSales", "currency"), cells.money("newSales", "currency"));
            case "BUSINESS_START" -> new ResultDetails.BusinessStart(date, row.get("registrationNumber"));
            case "FORMALIZATION" -> new ResultDetails.Formalization(date, row.get("registrationKind"));
            default -> {
                problem(row, "kind", kind == null ? Refusal.required("kind")
                        : Refusal.invalid("import-code-unknown", "kind", kind,
                        "FINANCING, JOBS, SALES_INCREASE, BUSINESS_START, FORMALIZATION"));
                yield null;
            }
        };
        if (details == null || cells.anyFailed()) {
            return;
        }
        ImportEngagementHistory.ImportedResult result = command(row, () -> new ImportEngagementHistory.ImportedResult(
                row.get("legacyId"), new ReportResult(engagement.open().engagementId(), ids.result(row.get("legacyId")),
                details), new ImportEngagementHistory.LegacyEvidence(state, row.get("evidenceRef"),
                row.get("evidenceSha256"), state == ResultStatus.VERIFIED || row.get("verifiedBy") != null
                        || verifiedDate != null ? new LegacyVerification(row.get("verifiedBy"), verifiedDate) : null)));
        if (result != null) {
            engagement.results().add(result);
        }
    }

    private void counselor(LegacyRows.Row row) {
        String counselor = row.get("counselorId");
        if (counselor != null && known.counselors() != null && !known.counselors().contains(counselor)) {
            problem(row, "counselorId", Refusal.rule("import-counselor-unknown", "counselorId", counselor));
        }
    }

    private void dateWithin(LegacyRows.Row row, Cells cells, String column, LocalDate date, Engagement engagement) {
        if (date == null || cells.failed(column)) {
            return;
        }
        if (date.isBefore(engagement.open().intakeDate())) {
            problem(row, column, Refusal.rule("date-before-intake", column, date, engagement.open().intakeDate()));
        } else if (date.isAfter(known.today())) {
            problem(row, column, Refusal.rule("date-in-future", column, date));
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    /** The command the row makes, or null with the refusal its own rules gave, at the row's column. */
    private <T> T command(LegacyRows.Row row, Supplier<T> build) {
        try {
            return build.get();
        } catch (Refusal refusal) {
            String column = refusal.field() == null ? null : COLUMNS.getOrDefault(refusal.field(),
                    refusal.field().substring(refusal.field().lastIndexOf('.') + 1));
            problem(row, column, new Refusal(refusal.kind(), refusal.code(), column, refusal.details().toArray()));
            return null;
        }
    }

    private void problem(LegacyRows.Row row, String column, Refusal refusal) {
        problems.add(new ImportProblem(row.file().fileName(), row.line(), column, refusal.code(), refusal.message(locale)));
    }

    /** A row's cells read as values; a cell that cannot be read is reported and remembered. */
    private final class Cells {

        private final LegacyRows.Row row;
        private final Set<String> failed = new java.util.HashSet<>();

        Cells(LegacyRows.Row row) {
            this.row = row;
        }

        boolean anyFailed() {
            return !failed.isEmpty();
        }

        boolean failed(String column) {
            return failed.contains(column);
        }

        LocalDate date(String column) {
            return read(column, LocalDate::parse, "import-date-invalid");
        }

        Integer number(String column) {
            return read(column, Integer::valueOf, "import-number-invalid");
        }

        Boolean flag(String column) {
            return read(column, value -> switch (value.toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException(value);
            }, "import-flag-invalid");
        }

        <E extends Enum<E>> E code(String column, Class<E> type) {
            String value = row.get(column);
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                failed.add(column);
                problem(row, column, Refusal.invalid("import-code-unknown", column, value,
                        String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())));
                return null;
            }
        }

        Money money(String amountColumn, String currencyColumn) {
            BigDecimal amount = read(amountColumn, BigDecimal::new, "import-decimal-invalid");
            if (amount == null) {
                return null;
            }
            try {
                return Money.of(amount.toPlainString(), row.get(currencyColumn));
            } catch (Refusal refusal) {
                String column = refusal.field() != null && refusal.field().endsWith("currency") ? currencyColumn : amountColumn;
                failed.add(column);
                problem(row, column, new Refusal(refusal.kind(), refusal.code(), column, refusal.details().toArray()));
                return null;
            }
        }

        List<String> list(String column) {
            String value = row.get(column);
            return value == null ? List.of()
                    : Arrays.stream(value.split(";")).map(String::strip).filter(item -> !item.isEmpty()).toList();
        }

        private <T> T read(String column, Function<String, T> parse, String code) {
            String value = row.get(column);
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (DateTimeParseException | IllegalArgumentException e) {
                failed.add(column);
                problem(row, column, Refusal.invalid(code, column, value));
                return null;
            }
        }
    }
}
