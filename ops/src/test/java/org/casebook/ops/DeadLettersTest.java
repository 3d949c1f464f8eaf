package org.casebook.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.casebook.query.engagement.EngagementProjection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An event the engagements read model cannot fold is parked, with that engagement's later events, while
 * every other engagement folds on; once the fault is mended a retry folds them in order; a parked event
 * can also be given up. The fault is a defect put into the projection for the test: it fails on the
 * events of the engagements it is told to.
 */
class DeadLettersTest {

    /** The engagements whose events the engagements projection fails on. */
    static final Set<String> POISONED = ConcurrentHashMap.newKeySet();

    @Configuration(proxyBeanMethods = false)
    static class Defect {

        @Bean
        HandlerEnhancerDefinition failOnPoisonedEngagements() {
            return new HandlerEnhancerDefinition() {
                @Override
                public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
                    if (!EngagementProjection.class.equals(original.declaringClass())) {
                        return original;
                    }
                    return new WrappedMessageHandlingMember<>(original) {
                        @Override
                        public Object handle(Message<?> message, T target) throws Exception {
                            if (message instanceof DomainEventMessage<?> event
                                    && POISONED.contains(event.getAggregateIdentifier())) {
                                throw new IllegalStateException("a defect of the projection");
                            }
                            return super.handle(message, target);
                        }
                    };
                }
            };
        }
    }

    @TempDir
    Path data;

    @Test
    void aPoisonedEventIsParkedOthersFoldOnAndItIsRetriedAfterTheFixOrEvicted() {
        POISONED.clear();
        try (CasebookInstance casebook = CasebookInstance.startWith(List.of(Defect.class), data).seeded()) {
            CasebookInstance.Client ops = casebook.as(Users.OPS);
            String poisoned = open(casebook);
            String healthy = open(casebook);
            POISONED.add(poisoned);

            logSession(casebook, poisoned, "2026-03-09", 60);
            logSession(casebook, poisoned, "2026-03-16", 45);
            String last = logSession(casebook, healthy, "2026-03-10", 30);
            assertThat(sessions(casebook, healthy, last)).as("other engagements fold on").isEqualTo(1);
            assertThat(sessions(casebook, poisoned, last)).as("nothing of the parked engagement folds").isZero();

            JsonNode parked = ops.get("/api/ops/dead-letters").json();
            assertThat(parked).hasSize(2);
            assertThat(parked).as(parked.toString()).allSatisfy(letter -> {
                assertThat(letter.get("readModel").asText()).isEqualTo("engagements");
                assertThat(letter.get("engagementId").asText()).isEqualTo(poisoned);
                assertThat(letter.get("eventType").asText()).isEqualTo("CounselingSessionLogged");
            });
            assertThat(parked.get(0).get("causeMessage").asText()).isEqualTo("a defect of the projection");
            assertThat(parked.get(1).get("causeMessage")).as("parked behind the first, not failed itself").isNull();
            JsonNode engagements = projection(ops, "engagements");
            assertThat(engagements.get("deadLetters").asInt()).isEqualTo(2);
            assertThat(projection(ops, "figures").get("deadLetters").asInt()).as("the figures folded them").isZero();
            assertThat(ops.get("/actuator/health").json().at("/components/readModels/details/parkedEvents").asInt())
                    .isEqualTo(2);
            casebook.bean(org.casebook.ops.readmodels.ReadModelMetrics.class).refresh();
            assertThat(ops.get("/actuator/prometheus", "Accept", "text/plain").body())
                    .contains("casebook_read_model_dead_letters{application=\"casebook\",read_model=\"engagements\"} 2.0");

            // Still broken: the retry parks them again.
            CasebookInstance.Response failed = ops.post("/api/ops/dead-letters/" + parked.get(0).get("id").asText()
                    + "/retry", "");
            assertThat(failed.json().get("stillParked").asInt()).isEqualTo(2);

            POISONED.remove(poisoned);
            CasebookInstance.Response retried = ops.post("/api/ops/dead-letters/" + parked.get(1).get("id").asText()
                    + "/retry", "");
            assertThat(retried.status()).as(retried.body()).isEqualTo(200);
            assertThat(retried.json().get("folded").asBoolean()).isTrue();
            assertThat(sessions(casebook, poisoned, last)).as("both folded, in order").isEqualTo(2);
            assertThat(ops.get("/api/ops/dead-letters").json()).isEmpty();

            // Another one is given up: evicted, it no longer holds the engagement's later events.
            String abandoned = open(casebook);
            POISONED.add(abandoned);
            assertThat(sessions(casebook, abandoned, logSession(casebook, abandoned, "2026-03-11", 20))).isZero();
            JsonNode given = ops.get("/api/ops/dead-letters").json();
            assertThat(given).hasSize(1);
            POISONED.remove(abandoned);
            assertThat(ops.delete("/api/ops/dead-letters/" + given.get(0).get("id").asText()).status()).isEqualTo(204);
            assertThat(ops.get("/api/ops/dead-letters").json()).isEmpty();
            String after = logSession(casebook, abandoned, "2026-03-18", 25);
            assertThat(sessions(casebook, abandoned, after)).as("only the session after the evicted one").isEqualTo(1);

            CasebookInstance.Response unknown = ops.delete("/api/ops/dead-letters/nothing-here");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().get("code").asText()).isEqualTo("dead-letter-unknown");
            assertThat(casebook.as(Users.ROSA).get("/api/ops/dead-letters").status()).isEqualTo(403);
        }
    }

    private static String open(CasebookInstance casebook) {
        CasebookInstance.Response opened = casebook.as(Users.ANA).post("/api/engagements", Requests.intake());
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String id = opened.json().get("id").asText();
        assertThat(sessions(casebook, id, opened.header("Casebook-Position"))).as("opened and folded").isZero();
        return id;
    }

    /** Logs a session; the position its events were stored at. */
    private static String logSession(CasebookInstance casebook, String engagement, String date, int minutes) {
        CasebookInstance.Response logged = casebook.as(Users.ANA).post("/api/engagements/" + engagement + "/sessions",
                Requests.session(date, minutes));
        assertThat(logged.status()).as(logged.body()).isEqualTo(201);
        return logged.header("Casebook-Position");
    }

    private static int sessions(CasebookInstance casebook, String engagement, String position) {
        CasebookInstance.Response view = casebook.as(Users.ANA).get("/api/engagements/" + engagement + "?minPosition="
                + position);
        assertThat(view.header("Casebook-Stale")).as("the read model got past the position").isNull();
        return view.json().get("sessions").size();
    }

    private static JsonNode projection(CasebookInstance.Client ops, String name) {
        return ops.get("/api/ops/projections/" + name).json();
    }
}
