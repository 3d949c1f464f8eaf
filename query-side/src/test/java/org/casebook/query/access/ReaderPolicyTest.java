package org.casebook.query.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casebook.query.access.ReaderPolicy.Sight.FULL;
import static org.casebook.query.access.ReaderPolicy.Sight.NONE;
import static org.casebook.query.access.ReaderPolicy.Sight.WITHOUT_PERSONAL_DATA;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.casebook.query.TestMongo;
import org.casebook.query.engagement.EngagementView;
import org.casebook.query.store.DocumentCollection;
import org.casebook.shared.actor.Actor;
import org.casebook.shared.actor.Role;
import org.casebook.shared.event.EngagementOpened;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.CounselorId;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ProgrammeCode;
import org.casebook.shared.value.Baseline;
import org.casebook.shared.value.Consents;
import org.casebook.shared.value.Contact;
import org.casebook.shared.value.Enterprise;
import org.casebook.shared.value.Gender;
import org.casebook.shared.value.Money;
import org.casebook.shared.value.Owner;
import org.casebook.shared.value.Stage;
import org.junit.jupiter.api.Test;

/**
 * The reader policy, right by right: each role alone, then people with several roles, who see exactly
 * the union of what each role alone lets them see.
 */
class ReaderPolicyTest {

    static final String TGU = "HN-TGU-01";
    static final String GUA = "GT-GUA-01";
    static final String DINAMICA = "DINAMICA";
    static final String AL_INVEST = "AL-INVEST";

    /** Every combination of center, programme and consent. */
    static final List<EngagementView> ENGAGEMENTS = engagements();

    static Actor actor(String name, String centers, String programmes, Role... roles) {
        return new Actor(name, Set.of(roles), split(centers).stream().map(CenterId::new).collect(Collectors.toSet()),
                split(programmes).stream().map(ProgrammeCode::new).collect(Collectors.toSet()));
    }

    static final Actor COUNSELOR = actor("ana", TGU, "", Role.COUNSELOR);
    static final Actor DIRECTOR = actor("rosa", TGU, "", Role.DIRECTOR);
    static final Actor DONOR = actor("kfw", "", DINAMICA, Role.DONOR);
    static final Actor OPERATOR = actor("ops", "", "", Role.OPERATOR);
    static final Actor ADMIN = actor("admin", "", "", Role.ADMIN);
    static final Actor DONOR_COUNSELOR = actor("mixed", TGU, DINAMICA, Role.DONOR, Role.COUNSELOR);
    static final Actor DONOR_DIRECTOR = actor("mixed2", TGU, DINAMICA, Role.DONOR, Role.DIRECTOR);
    static final Actor DIRECTOR_OPERATOR = actor("mixed3", TGU, "", Role.DIRECTOR, Role.OPERATOR);
    /** Centers and programmes given to a person without the roles that use them reach nothing. */
    static final Actor OPERATOR_WITH_SCOPES = actor("ops2", TGU, DINAMICA, Role.OPERATOR, Role.ADMIN);

    static final List<Actor> SINGLE_ROLES = List.of(COUNSELOR, DIRECTOR, DONOR, OPERATOR, ADMIN);
    static final List<Actor> EVERYONE = List.of(COUNSELOR, DIRECTOR, DONOR, OPERATOR, ADMIN, DONOR_COUNSELOR,
            DONOR_DIRECTOR, DIRECTOR_OPERATOR, OPERATOR_WITH_SCOPES);

    @Test
    void caseWorkersSeeTheirCentersEngagementsInFullAndNothingElse() {
        for (Actor caseWorker : List.of(COUNSELOR, DIRECTOR)) {
            for (EngagementView view : ENGAGEMENTS) {
                assertThat(ReaderPolicy.of(caseWorker).engagement(view)).as(caseWorker.userId() + " " + view.id())
                        .isEqualTo(view.centerId().equals(TGU) ? FULL : NONE);
            }
        }
    }

    @Test
    void donorsSeeTheirProgrammesEngagementsWithPersonalDataOnlyWhereTheClientConsented() {
        for (EngagementView view : ENGAGEMENTS) {
            ReaderPolicy.Sight expected = !view.programmes().contains(DINAMICA) ? NONE
                    : view.consents().shareWithFunders() ? FULL : WITHOUT_PERSONAL_DATA;
            assertThat(ReaderPolicy.of(DONOR).engagement(view)).as(view.id()).isEqualTo(expected);
        }
        EngagementView unconsented = find(GUA, DINAMICA, false);
        EngagementView seen = ReaderPolicy.of(DONOR).visible(unconsented).orElseThrow();
        assertThat(seen.owner().name()).isNull();
        assertThat(seen.enterprise().taxId()).isNull();
        assertThat(seen.redacted()).isNotEmpty();
        assertThat(ReaderPolicy.of(DONOR).visible(find(GUA, DINAMICA, true)).orElseThrow().owner().name())
                .isEqualTo("Owner " + find(GUA, DINAMICA, true).id());
    }

    @Test
    void operatorsAndAdministratorsReadNoEngagement() {
        for (Actor reader : List.of(OPERATOR, ADMIN, OPERATOR_WITH_SCOPES)) {
            ReaderPolicy policy = ReaderPolicy.of(reader);
            for (EngagementView view : ENGAGEMENTS) {
                assertThat(policy.engagement(view)).as(reader.userId()).isEqualTo(NONE);
                assertThat(policy.auditHistory(view)).as(reader.userId()).isEqualTo(NONE);
                assertThat(policy.seesReadings(view)).isFalse();
            }
            assertThat(policy.caseworkCenters()).isEmpty();
            assertThat(policy.centerDashboard(new CenterId(TGU))).isEmpty();
            assertThat(policy.aggregateDashboard()).isEmpty();
        }
    }

    /** The heart of it: for every read, a person with several roles gets exactly the union of their roles' rights. */
    @Test
    void severalRolesSeeExactlyTheUnionOfWhatEachRoleAloneSees() {
        for (Actor mixed : List.of(DONOR_COUNSELOR, DONOR_DIRECTOR, DIRECTOR_OPERATOR, OPERATOR_WITH_SCOPES)) {
            List<ReaderPolicy> alone = mixed.roles().stream()
                    .map(role -> ReaderPolicy.of(new Actor(mixed.userId(), Set.of(role), mixed.centers(), mixed.programmes())))
                    .toList();
            ReaderPolicy both = ReaderPolicy.of(mixed);
            for (EngagementView view : ENGAGEMENTS) {
                String as = mixed.userId() + " " + view.id();
                assertThat(both.engagement(view)).as(as)
                        .isEqualTo(alone.stream().map(p -> p.engagement(view)).max(Enum::compareTo).orElseThrow());
                assertThat(both.auditHistory(view)).as(as)
                        .isEqualTo(alone.stream().map(p -> p.auditHistory(view)).max(Enum::compareTo).orElseThrow());
                assertThat(both.seesReadings(view)).as(as).isEqualTo(alone.stream().anyMatch(p -> p.seesReadings(view)));
                assertThat(both.checksChain(Optional.of(view))).as(as)
                        .isEqualTo(alone.stream().anyMatch(p -> p.checksChain(Optional.of(view))));
            }
            for (String center : List.of(TGU, GUA)) {
                for (List<String> programmes : List.of(List.of(DINAMICA), List.of(AL_INVEST), List.<String>of())) {
                    assertThat(counts(both.centerDashboard(new CenterId(center)), programmes))
                            .as(mixed.userId() + " counts " + programmes + " at " + center)
                            .isEqualTo(alone.stream().anyMatch(p -> counts(p.centerDashboard(new CenterId(center)), programmes)));
                }
            }
            for (List<String> programmes : List.of(List.of(DINAMICA), List.of(AL_INVEST))) {
                assertThat(counts(both.aggregateDashboard(), programmes)).as(mixed.userId() + " network " + programmes)
                        .isEqualTo(alone.stream().anyMatch(p -> counts(p.aggregateDashboard(), programmes)));
            }
            for (String programme : List.of(DINAMICA, AL_INVEST)) {
                assertThat(both.exports(new ProgrammeCode(programme)))
                        .isEqualTo(alone.stream().anyMatch(p -> p.exports(new ProgrammeCode(programme))));
            }
            assertThat(both.caseworkCenters()).isEqualTo(alone.stream().flatMap(p -> p.caseworkCenters().stream())
                    .collect(Collectors.toSet()));
        }
    }

    /** The case the defect report found: a donor who also counsels at Tegucigalpa reads Guatemala City as a donor. */
    @Test
    void aDonorWhoAlsoCounselsCountsAnotherCentersEngagementsOfTheirProgrammesOnly() {
        ReaderPolicy mixed = ReaderPolicy.of(DONOR_COUNSELOR);
        Predicate<List<String>> guatemala = mixed.centerDashboard(new CenterId(GUA)).orElseThrow();
        assertThat(guatemala.test(List.of(DINAMICA))).isTrue();
        assertThat(guatemala.test(List.of(AL_INVEST))).isFalse();
        assertThat(guatemala.test(List.of())).isFalse();
        Predicate<List<String>> tegucigalpa = mixed.centerDashboard(new CenterId(TGU)).orElseThrow();
        assertThat(tegucigalpa.test(List.of(AL_INVEST))).isTrue();
        assertThat(ReaderPolicy.of(COUNSELOR).centerDashboard(new CenterId(GUA))).isEmpty();
        // An engagement of Guatemala City outside DINAMICA: the counselor's right does not reach it.
        assertThat(mixed.engagement(find(GUA, AL_INVEST, true))).isEqualTo(NONE);
        assertThat(mixed.engagement(find(GUA, DINAMICA, false))).isEqualTo(WITHOUT_PERSONAL_DATA);
        assertThat(mixed.engagement(find(TGU, AL_INVEST, false))).isEqualTo(FULL);
        // Counselors read no audit history: a donor who counsels reads them as a donor.
        assertThat(mixed.auditHistory(find(TGU, AL_INVEST, true))).isEqualTo(NONE);
        assertThat(mixed.auditHistory(find(TGU, DINAMICA, false))).isEqualTo(WITHOUT_PERSONAL_DATA);
        assertThat(ReaderPolicy.of(DONOR_DIRECTOR).auditHistory(find(TGU, DINAMICA, false))).isEqualTo(FULL);
    }

    @Test
    void caseWorkersCountEveryEngagementInCountriesAndTheNetworkAndDonorsTheirProgrammes() {
        assertThat(counts(ReaderPolicy.of(COUNSELOR).aggregateDashboard(), List.of(AL_INVEST))).isTrue();
        assertThat(counts(ReaderPolicy.of(DONOR).aggregateDashboard(), List.of(AL_INVEST))).isFalse();
        assertThat(counts(ReaderPolicy.of(DONOR).aggregateDashboard(), List.of(AL_INVEST, DINAMICA))).isTrue();
        assertThat(counts(ReaderPolicy.of(DONOR).centerDashboard(new CenterId(TGU)), List.of(DINAMICA))).isTrue();
    }

    @Test
    void administratorsCheckAnyChainAndExportAnyProgrammeButReadNoHistory() {
        ReaderPolicy admin = ReaderPolicy.of(ADMIN);
        assertThat(admin.checksChain(Optional.empty())).isTrue();
        assertThat(admin.seesAllReadings()).isTrue();
        assertThat(admin.exports(new ProgrammeCode(AL_INVEST))).isTrue();
        assertThat(ReaderPolicy.of(DONOR).exports(new ProgrammeCode(AL_INVEST))).isFalse();
        assertThat(ReaderPolicy.of(DONOR).checksChain(Optional.empty())).isFalse();
        assertThat(ReaderPolicy.of(DIRECTOR).seesAllReadings()).isFalse();
        assertThat(ReaderPolicy.of(DIRECTOR).seesReadings(find(TGU, AL_INVEST, false))).isTrue();
        assertThat(ReaderPolicy.of(COUNSELOR).seesReadings(find(TGU, AL_INVEST, false))).isFalse();
        assertThat(ReaderPolicy.of(DONOR_DIRECTOR).seesReadings(find(GUA, DINAMICA, true))).isFalse();
    }

    /** The MongoDB filters select exactly what the policy's answers for one engagement allow, for everyone. */
    @Test
    void theFiltersSelectWhatThePolicyAllows() {
        try (TestMongo mongo = new TestMongo()) {
            DocumentCollection<EngagementView> views = new DocumentCollection<>(
                    mongo.database().getCollection("engagements"), EngagementView.class, EngagementView::id);
            views.writeAll(ENGAGEMENTS);
            for (Actor reader : EVERYONE) {
                ReaderPolicy policy = ReaderPolicy.of(reader);
                Set<String> expected = ENGAGEMENTS.stream().filter(view -> policy.engagement(view).any())
                        .map(EngagementView::id).collect(Collectors.toCollection(TreeSet::new));
                assertThat(ids(views, policy.engagements())).as(reader.userId()).isEqualTo(expected);
                Set<String> personal = ENGAGEMENTS.stream().filter(view -> policy.engagement(view) == FULL)
                        .map(EngagementView::id).collect(Collectors.toCollection(TreeSet::new));
                assertThat(ids(views, com.mongodb.client.model.Filters.and(policy.engagements(),
                        policy.personalDataShown()))).as(reader.userId() + " personal data").isEqualTo(personal);
            }
            assertThat(ids(views, ReaderPolicy.of(DONOR_COUNSELOR).engagements())).as("the union is wider than either")
                    .hasSizeGreaterThan(ids(views, ReaderPolicy.of(DONOR).engagements()).size())
                    .hasSizeGreaterThan(ids(views, ReaderPolicy.of(COUNSELOR).engagements()).size());
        }
    }

    private static Set<String> ids(DocumentCollection<EngagementView> views, org.bson.conversions.Bson filter) {
        Set<String> ids = new TreeSet<>();
        views.each(filter).forEach(view -> ids.add(view.id()));
        return ids;
    }

    private static boolean counts(Optional<Predicate<List<String>>> counted, List<String> programmes) {
        return counted.map(predicate -> predicate.test(programmes)).orElse(false);
    }

    private static EngagementView find(String center, String programme, boolean consented) {
        return ENGAGEMENTS.stream().filter(view -> view.centerId().equals(center)
                        && view.programmes().equals(List.of(programme)) && view.consents().shareWithFunders() == consented)
                .findFirst().orElseThrow();
    }

    private static List<EngagementView> engagements() {
        List<EngagementView> views = new ArrayList<>();
        Map<String, List<String>> programmeSets = new LinkedHashMap<>();
        programmeSets.put("d", List.of(DINAMICA));
        programmeSets.put("a", List.of(AL_INVEST));
        programmeSets.put("da", List.of(DINAMICA, AL_INVEST));
        programmeSets.put("none", List.of());
        for (String center : List.of(TGU, GUA)) {
            for (var programmes : programmeSets.entrySet()) {
                for (boolean consented : new boolean[] {true, false}) {
                    String id = center + "-" + programmes.getKey() + "-" + consented;
                    views.add(EngagementView.fold(null, new EngagementOpened(new EngagementId(id), new CenterId(center),
                            new CounselorId("someone"), LocalDate.of(2026, 3, 2),
                            new Enterprise("Enterprise " + id, "TAX-" + id, center.substring(0, 2), "1071",
                                    Stage.IN_BUSINESS, "SOLE_PROPRIETOR"),
                            new Owner("Owner " + id, Gender.FEMALE, 1985), new Contact(id + "@example.org", null),
                            "RADIO", new Consents(consented, false), new Baseline(1, 0, Money.of("1000.00", "HNL")),
                            programmes.getValue().stream().map(ProgrammeCode::new).toList(), List.of("FINANCE")), 0));
                }
            }
        }
        return views;
    }

    private static List<String> split(String values) {
        return values.isEmpty() ? List.of() : Arrays.asList(values.split(","));
    }
}
