package org.casebook.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Production sign-in: JWTs from an OpenID Connect issuer, here stood in for by a key pair the test
 * makes. The roles claim has a name of the network's choosing, to show it is configurable.
 */
class OidcSignInTest {

    @TempDir
    static Path data;
    static CasebookInstance casebook;
    static KeyPair issuerKeys;
    static KeyPair strangerKeys;

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        issuerKeys = generator.generateKeyPair();
        strangerKeys = generator.generateKeyPair();
        Path publicKey = data.resolve("issuer.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(issuerKeys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        casebook = CasebookInstance.start(data.resolve("casebook"),
                "--casebook.security.mode=oidc",
                "--casebook.security.oidc.roles-claim=casebook_roles",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + publicKey.toUri());
    }

    @AfterAll
    static void stop() {
        casebook.close();
    }

    static String token(KeyPair keys, String user, List<String> roles, List<String> centers, Instant expires)
            throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("subject-of-" + user)
                .claim("preferred_username", user)
                .claim("casebook_roles", roles)
                .claim("centers", centers)
                .claim("programmes", List.of("DINAMICA"))
                .issueTime(new Date())
                .expirationTime(Date.from(expires))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }

    static String bearer(String user, List<String> roles, List<String> centers) throws Exception {
        return "Bearer " + token(issuerKeys, user, roles, centers, Instant.now().plusSeconds(600));
    }

    static CasebookInstance.Response send(String method, String path, String body, String authorization) {
        return authorization == null
                ? casebook.send(method, path, body, "Content-Type", "application/json", "Accept", "application/json")
                : casebook.send(method, path, body, "Content-Type", "application/json", "Accept", "application/json",
                        "Authorization", authorization);
    }

    @Test
    void rolesCentersAndTheUserComeFromTheToken() throws Exception {
        String admin = bearer("it.admin", List.of("ADMIN"), List.of());
        assertThat(send("PUT", "/api/admin/centers/HN-TGU-01", "{\"name\": \"CDE Centro\", \"country\": \"HN\"}", admin)
                .status()).isEqualTo(200);
        assertThat(send("PUT", "/api/admin/programmes/DINAMICA", "{\"name\": \"DINAMICA\", \"funder\": \"CABEI\"}", admin)
                .status()).isEqualTo(200);

        CasebookInstance.Response created = send("POST", "/api/engagements", Requests.intake(),
                bearer("ana.lopez", List.of("COUNSELOR"), List.of("HN-TGU-01")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        Map<String, Object> event = casebook.jdbc().queryForMap(
                "SELECT convert_from(meta_data, 'UTF8') AS meta FROM domain_event_entry WHERE aggregate_identifier = ?", id);
        assertThat((String) event.get("meta")).contains("\"userId\":\"ana.lopez\"").contains("\"role\":\"COUNSELOR\"");

        assertThat(send("GET", "/api/engagements/" + id + "?minPosition=" + created.header("Casebook-Position"), null,
                bearer("kfw.officer", List.of("DONOR"), List.of())).status()).isEqualTo(200);
        assertThat(send("POST", "/api/engagements", Requests.intake(),
                bearer("kfw.officer", List.of("DONOR"), List.of("HN-TGU-01"))).status()).isEqualTo(403);
        assertThat(send("POST", "/api/engagements", Requests.intake(),
                bearer("luis.perez", List.of("COUNSELOR"), List.of("GT-GUA-01"))).status()).isEqualTo(403);
    }

    @Test
    void anIntakeForACenterNobodyDefinedIsRefused() throws Exception {
        CasebookInstance.Response response = send("POST", "/api/engagements",
                Requests.intake("HN-XXX-99", "ana.lopez", "2026-03-02"),
                bearer("ana.lopez", List.of("COUNSELOR"), List.of("HN-XXX-99")));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("code").asText()).isEqualTo("center-unknown");
    }

    @Test
    void aMissingForgedOrExpiredTokenIsRefused() throws Exception {
        CasebookInstance.Response none = send("GET", "/api/engagements", null, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(none.contentType()).startsWith("application/problem+json");

        String forged = "Bearer " + token(strangerKeys, "mallory", List.of("ADMIN"), List.of(),
                Instant.now().plusSeconds(600));
        assertThat(send("GET", "/api/engagements", null, forged).status()).isEqualTo(401);

        String expired = "Bearer " + token(issuerKeys, "ana.lopez", List.of("COUNSELOR"), List.of("HN-TGU-01"),
                Instant.now().minusSeconds(3600));
        assertThat(send("GET", "/api/engagements", null, expired).status()).isEqualTo(401);

        assertThat(send("GET", "/api/engagements", null, "Basic " + Base64.getEncoder()
                .encodeToString("admin:whatever".getBytes())).status()).isEqualTo(401);
    }

    @Test
    void usersAreManagedByTheIssuer() throws Exception {
        CasebookInstance.Response response = send("POST", "/api/admin/users", """
                {"username": "someone", "password": "a-long-password", "roles": ["OPERATOR"]}""",
                bearer("it.admin", List.of("ADMIN"), List.of()));
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asText()).isEqualTo("users-managed-elsewhere");
    }
}
