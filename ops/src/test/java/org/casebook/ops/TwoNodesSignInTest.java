package org.casebook.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.Environment;

/**
 * Two nodes on the same databases (two services in one JVM here; the built jar on two processes in
 * {@code SeveralNodesIT}): a password changed on one node ends the sign-ins the other remembers, and a
 * user throttled on one node waits on the other too.
 */
class TwoNodesSignInTest {

    @TempDir
    Path first;
    @TempDir
    Path second;

    @Test
    void aChangedPasswordAndAThrottleHoldOnEveryNode() throws Exception {
        try (CasebookInstance a = CasebookInstance.start(first).seeded(); CasebookInstance b = secondNode(a)) {
            assertThat(b.as(Users.ANA).get("/api/engagements").status()).as("signed in, and remembered").isEqualTo(200);

            CasebookInstance.Response changed = a.as(Users.ADMIN).put("/api/admin/users/" + Users.ANA, """
                    {"username": "%s", "password": "a-new-password-1", "roles": ["COUNSELOR"], "centers": ["%s"],
                     "programmes": []}
                    """.formatted(Users.ANA, Users.TGU));
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (b.as(Users.ANA).get("/api/engagements").status() == 200) {
                assertThat(System.nanoTime()).as("the other node forgets the old password within seconds")
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
            assertThat(b.as(Users.ANA).get("/api/engagements").status()).isEqualTo(401);
            assertThat(b.send("GET", "/api/engagements", null, "Authorization", basic(Users.ANA, "a-new-password-1"))
                    .status()).isEqualTo(200);

            // Failed sign-ins on the first node, until it makes them wait (by user and by address).
            int answered = 401;
            for (int attempt = 0; attempt < 10 && answered == 401; attempt++) {
                answered = a.send("GET", "/api/engagements", null, "Authorization", basic(Users.LUIS, "not-his")).status();
            }
            assertThat(answered).isEqualTo(429);
            CasebookInstance.Response throttled = b.as(Users.LUIS).get("/api/engagements");
            assertThat(throttled.status()).as("throttled on the other node too, even with the right password")
                    .isEqualTo(429);
            assertThat(throttled.header("Retry-After")).isNotNull();
        }
    }

    /** A second service on the first one's PostgreSQL and MongoDB. */
    private CasebookInstance secondNode(CasebookInstance a) {
        Environment settings = a.bean(Environment.class);
        return CasebookInstance.start(second,
                "--spring.datasource.url=" + settings.getProperty("spring.datasource.url"),
                "--spring.datasource.username=postgres",
                "--spring.data.mongodb.uri=" + settings.getProperty("spring.data.mongodb.uri"));
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
