package org.casebook.ops.imports;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.casebook.shared.refusal.Refusal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Imports of a network's history from the system it used before (the files of {@code IMPORT.md}).
 * A dry run reads and checks every row and stores nothing.
 */
@Component
public class LegacyImports {

    /** What an import says: how many rows of each file, and every problem with where it is. */
    public record Report(String batchId, boolean valid, Map<String, Integer> counts, Map<String, Integer> skipped,
                         List<ImportProblem> problems, List<ImportProblem> notes) {
    }

    /** A file as it came: its name, and how to read its bytes. */
    public record Part(String name, Content content) {

        InputStream open() throws IOException {
            return content.open();
        }
    }

    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final org.casebook.command.engagement.EnterpriseIdentities identities;
    private final boolean ownUsers;

    public LegacyImports(DataSource dataSource, Clock clock,
                         org.casebook.command.engagement.EnterpriseIdentities identities,
                         org.casebook.ops.security.SecurityProperties security) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.identities = identities;
        this.ownUsers = security.mode() == org.casebook.ops.security.SecurityProperties.Mode.EMBEDDED;
    }

    /** Reads and checks the files as an import would, and stores nothing. */
    public Report dryRun(List<Part> parts, Locale locale) throws IOException {
        Map<ImportFile, List<LegacyRows.Row>> rows = new EnumMap<>(ImportFile.class);
        List<ImportProblem> problems = new ArrayList<>();
        List<ImportProblem> notes = new ArrayList<>();
        for (Part part : parts) {
            var file = ImportFile.named(part.name());
            if (file.isEmpty()) {
                problems.add(localized(new ImportProblem(part.name(), null, null, "import-file-unknown", null), locale,
                        part.name()));
                continue;
            }
            try (InputStream content = part.open()) {
                LegacyRows.Read read = LegacyRows.read(file.get(), content);
                rows.put(file.get(), read.rows());
                read.problems().forEach(problem -> problems.add(localized(problem, locale)));
                read.notes().forEach(note -> notes.add(localized(note, locale)));
            }
        }
        if (!rows.containsKey(ImportFile.ENGAGEMENTS) && problems.isEmpty()) {
            problems.add(localized(new ImportProblem(ImportFile.ENGAGEMENTS.fileName(), null, null, "import-file-missing",
                    null), locale));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        rows.forEach((file, read) -> counts.put(file.fileName(), read.size()));
        if (problems.isEmpty()) {
            LegacyHistoryCheck check = new LegacyHistoryCheck(known(), locale);
            problems.addAll(check.check(rows.getOrDefault(ImportFile.ENGAGEMENTS, List.of()),
                    rows.getOrDefault(ImportFile.SESSIONS, List.of()), rows.getOrDefault(ImportFile.RESULTS, List.of())));
        }
        problems.sort(java.util.Comparator.comparing(ImportProblem::file)
                .thenComparing(problem -> problem.line() == null ? 0 : problem.line()));
        return new Report(null, problems.isEmpty(), counts, Map.of(), problems, notes);
    }

    private LegacyHistoryCheck.Known known() {
        // With Casebook's own users, the counselors are its users who counsel; an identity provider's
        // users are not known here.
        return new LegacyHistoryCheck.Known(
                new HashSet<>(jdbc.queryForList("SELECT center_id FROM center", String.class)),
                new HashSet<>(jdbc.queryForList("SELECT code FROM programme", String.class)),
                ownUsers ? new HashSet<>(jdbc.queryForList("SELECT username FROM user_account"
                        + " WHERE 'COUNSELOR' = ANY(roles) OR 'DIRECTOR' = ANY(roles)", String.class)) : null,
                (country, taxId) -> identities.holder(country, taxId).map(Object::toString),
                LocalDate.now(clock));
    }

    /** A problem found while reading, with its message in the person's language. */
    private static ImportProblem localized(ImportProblem problem, Locale locale, Object... details) {
        Refusal refusal = Refusal.invalid(problem.code(), problem.column(), details);
        return new ImportProblem(problem.file(), problem.line(), problem.column(), problem.code(), refusal.message(locale));
    }
}
