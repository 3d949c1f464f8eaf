package org.casebook.query.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;
import org.casebook.query.engagement.EngagementView;
import org.casebook.shared.actor.Actor;
import org.casebook.shared.actor.Role;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.ProgrammeCode;

/**
 * Who may read what: the one reader policy, asked by every read of case data (engagements, timelines,
 * caseloads, the verification queue, dashboards of every scope and their spreadsheets, the
 * as-submitted comparison, audit histories, their verification and readings, donor exports, and the
 * pages built on them).
 *
 * <p>A reader holds one right per role, and sees exactly the union of what those rights reach, nothing
 * in between:
 * <ul>
 * <li>a <b>case worker</b> ({@code COUNSELOR} or {@code DIRECTOR}) sees every engagement of their centers
 * in full, their centers' dashboards counting every engagement there, and the figures of every
 * country and of the network counting every engagement (figures of a country or the network name
 * nobody);</li>
 * <li>a <b>director</b> besides reads the audit histories of their centers' engagements, and who read
 * them;</li>
 * <li>a <b>donor</b> ({@code DONOR}) sees the engagements of their programmes wherever they are, with
 * personal data only where the client consented to sharing it with funders, reads their audit
 * histories and exports their programmes, and reads dashboards of every scope counting those
 * engagements only;</li>
 * <li>an <b>administrator</b> ({@code ADMIN}) checks any engagement's chain, sees who read it, and exports
 * any programme, but reads no engagement;</li>
 * <li>an <b>operator</b> ({@code OPERATOR}) reads no case data.</li>
 * </ul>
 * Where two rights reach the same engagement the wider sight wins. An engagement no right reaches
 * answers exactly like one that does not exist; a dashboard no right reaches is refused.
 */
public final class ReaderPolicy {

    /** How much of an engagement a reader sees. */
    public enum Sight {
        NONE, WITHOUT_PERSONAL_DATA, FULL;

        public boolean any() {
            return this != NONE;
        }

        Sight or(Sight other) {
            return compareTo(other) >= 0 ? this : other;
        }
    }

    private final boolean caseWorker;
    private final Set<String> caseworkCenters;
    private final Set<String> directedCenters;
    private final Set<String> fundedProgrammes;
    private final boolean administers;

    private ReaderPolicy(Actor reader) {
        Set<String> centers = reader.centers().stream().map(CenterId::value).collect(Collectors.toUnmodifiableSet());
        boolean caseWorker = reader.has(Role.COUNSELOR) || reader.has(Role.DIRECTOR);
        this.caseWorker = caseWorker;
        this.caseworkCenters = caseWorker ? centers : Set.of();
        this.directedCenters = reader.has(Role.DIRECTOR) ? centers : Set.of();
        this.fundedProgrammes = reader.has(Role.DONOR)
                ? reader.programmes().stream().map(ProgrammeCode::value).collect(Collectors.toUnmodifiableSet())
                : Set.of();
        this.administers = reader.has(Role.ADMIN);
    }

    public static ReaderPolicy of(Actor reader) {
        return new ReaderPolicy(reader);
    }

    /** The centers whose caseloads and verification queue the reader works on. */
    public Set<String> caseworkCenters() {
        return caseworkCenters;
    }

    /** Whether the reader follows any programme as a donor (and so may see engagements beyond their centers). */
    public boolean followsProgrammes() {
        return !fundedProgrammes.isEmpty();
    }

    // --- Engagements: their record, timeline and caseload line -------------------------------------------

    /** How much the reader sees of an engagement held by this center, of these programmes. */
    public Sight engagement(String centerId, List<String> programmes, boolean consented) {
        Sight asCaseWorker = caseworkCenters.contains(centerId) ? Sight.FULL : Sight.NONE;
        return asCaseWorker.or(asDonor(programmes, consented));
    }

    public Sight engagement(EngagementView view) {
        return engagement(view.centerId(), view.programmes(), consented(view));
    }

    /** The engagement as the reader may see it, or nothing if no right reaches it. */
    public Optional<EngagementView> visible(EngagementView view) {
        return shown(view, engagement(view));
    }

    /** The engagements the reader may see, as a MongoDB filter on the engagement views. */
    public Bson engagements() {
        List<Bson> reached = new ArrayList<>();
        if (!caseworkCenters.isEmpty()) {
            reached.add(Filters.in("centerId", caseworkCenters));
        }
        if (!fundedProgrammes.isEmpty()) {
            reached.add(Filters.in("programmes", fundedProgrammes));
        }
        return anyOf(reached);
    }

    /**
     * Of the engagements {@link #engagements()} lets through, those whose personal data the reader sees
     * (to search personal fields in): their centers' and, of the rest, those whose client consented.
     */
    public Bson personalDataShown() {
        List<Bson> shown = new ArrayList<>();
        if (!caseworkCenters.isEmpty()) {
            shown.add(Filters.in("centerId", caseworkCenters));
        }
        if (!fundedProgrammes.isEmpty()) {
            shown.add(Filters.eq("consents.shareWithFunders", true));
        }
        return anyOf(shown);
    }

    // --- Audit ---------------------------------------------------------------------------------------------

    /** How much the reader sees of an engagement's audit history. */
    public Sight auditHistory(EngagementView view) {
        Sight asDirector = directedCenters.contains(view.centerId()) ? Sight.FULL : Sight.NONE;
        return asDirector.or(asDonor(view.programmes(), consented(view)));
    }

    /**
     * Whether the reader may have the engagement's chain checked. Administrators check any, and learn
     * nothing but whether it holds; {@code view} is empty when the read models do not hold it (yet).
     */
    public boolean checksChain(Optional<EngagementView> view) {
        return administers || view.map(this::auditHistory).orElse(Sight.NONE).any();
    }

    /** Whether the reader may see who read this engagement's audit history: its center's directors. */
    public boolean seesReadings(EngagementView view) {
        return directedCenters.contains(view.centerId());
    }

    /** Whether the reader may see every reading of every audit history. */
    public boolean seesAllReadings() {
        return administers;
    }

    /** Whether the reader may export the programme's engagements with their histories. */
    public boolean exports(ProgrammeCode programme) {
        return administers || fundedProgrammes.contains(programme.value());
    }

    // --- Dashboards ----------------------------------------------------------------------------------------

    /**
     * Which engagements the reader's dashboard of one center counts, by their programmes; empty if the
     * reader may not read that center's dashboard at all.
     */
    public Optional<Predicate<List<String>>> centerDashboard(CenterId center) {
        if (caseworkCenters.contains(center.value())) {
            return Optional.of(programmes -> true);
        }
        return donorCounts();
    }

    /** Which engagements the reader's dashboards of a country or the network count; empty if none may be read. */
    public Optional<Predicate<List<String>>> aggregateDashboard() {
        if (caseWorker) {
            return Optional.of(programmes -> true);
        }
        return donorCounts();
    }

    private Optional<Predicate<List<String>>> donorCounts() {
        if (fundedProgrammes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(programmes -> programmes.stream().anyMatch(fundedProgrammes::contains));
    }

    // --- Shared ---------------------------------------------------------------------------------------------

    private Sight asDonor(List<String> programmes, boolean consented) {
        if (programmes == null || programmes.stream().noneMatch(fundedProgrammes::contains)) {
            return Sight.NONE;
        }
        return consented ? Sight.FULL : Sight.WITHOUT_PERSONAL_DATA;
    }

    private static boolean consented(EngagementView view) {
        return view.consents() != null && view.consents().shareWithFunders();
    }

    private static Optional<EngagementView> shown(EngagementView view, Sight sight) {
        return switch (sight) {
            case NONE -> Optional.empty();
            case WITHOUT_PERSONAL_DATA -> Optional.of(view.withoutPersonalData());
            case FULL -> Optional.of(view);
        };
    }

    private static Bson anyOf(List<Bson> filters) {
        return switch (filters.size()) {
            case 0 -> Filters.in("_id", List.of());
            case 1 -> filters.get(0);
            default -> Filters.or(filters);
        };
    }
}
