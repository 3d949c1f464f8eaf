package org.casebook.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing in with Casebook's own users: HTTP Basic for API clients, the form and its session (with
 * CSRF protection) for browsers, and the slowing down of password guessing. Its own instance, since
 * failed sign-ins from this address would slow down other tests.
 */
class EmbeddedSignInTest {

    @TempDir
    static Path data;
    static CasebookInstance casebook;

    @BeforeAll
    static void start() {
        casebook = CasebookInstance.start(data, "--casebook.security.sign-in.max-failures=3",
                "--casebook.security.sign-in.cool-down=2s").seeded();
    }

    @AfterAll
    static void stop() {
        casebook.close();
    }

    static CasebookInstance.Response basic(String user, String password) {
        String credentials = java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return casebook.send("GET", "/api/engagements", null, "Accept", "application/json",
                "Authorization", "Basic " + credentials);
    }

    @Test
    void guessingIsSlowedDownButNobodyIsLockedOutForGood() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            CasebookInstance.Response wrong = basic(Users.ROSA, "not-her-password");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.json().get("code").asText()).isEqualTo("sign-in-failed");
        }
        CasebookInstance.Response refused = basic(Users.ROSA, Users.passwordOf(Users.ROSA));
        assertThat(refused.status()).as("even the right password waits").isEqualTo(429);
        assertThat(refused.json().get("code").asText()).isEqualTo("too-many-attempts");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 2);

        Thread.sleep(2_200);
        assertThat(basic(Users.ROSA, Users.passwordOf(Users.ROSA)).status()).isEqualTo(200);

        String metrics = casebook.as(Users.OPS).get("/actuator/prometheus", "Accept", "text/plain").body();
        assertThat(metrics).containsPattern("casebook_sign_in_failures_total\\S* [3-9]");
        assertThat(metrics).containsPattern("casebook_sign_in_refused_total\\S* [1-9]");
    }

    /** At the sign-in page the wait is a sentence on the page, in the person's language, not a document. */
    @Test
    void theSignInPageSaysHowLongToWait() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = casebook.baseUrl();
        java.util.function.Function<String, HttpResponse<String>> signIn = password -> {
            try {
                String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login?lang=es"))
                        .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
                assertThat(token.find()).isTrue();
                return browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + Users.LUIS + "&password="
                                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1)))
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(signIn.apply("not-his-password").headers().firstValue("Location").orElse("")).endsWith("/login?error");
        }
        HttpResponse<String> throttled = signIn.apply(Users.passwordOf(Users.LUIS));
        String location = throttled.headers().firstValue("Location").orElse("");
        assertThat(location).contains("/login?wait=");
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(location.startsWith("http") ? location
                : base + location)).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("<html lang=\"es\"").contains("role=\"alert\"")
                .contains("Demasiados intentos fallidos");
        Thread.sleep(2_200);
        assertThat(signIn.apply(Users.passwordOf(Users.LUIS)).headers().firstValue("Location").orElse(""))
                .as("the wait ends").doesNotContain("login");
    }

    @Test
    void theFirstAdministratorHasThePasswordFromTheEnvironment() {
        assertThat(basic(Users.ADMIN, CasebookInstance.ADMIN_PASSWORD).status()).isEqualTo(403);
        assertThat(casebook.as(Users.ADMIN).get("/api/admin/users/admin").json().at("/roles/0").asText())
                .isEqualTo("ADMIN");
    }

    @Test
    void aBrowserSignsInWithTheFormAndSendsTheCsrfToken() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = casebook.baseUrl();

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher hidden = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        assertThat(hidden.find()).as(page.body()).isTrue();

        String form = "username=" + Users.ANA + "&password=" + URLEncoder.encode(Users.passwordOf(Users.ANA),
                StandardCharsets.UTF_8) + "&_csrf=" + hidden.group(1);
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

        HttpResponse<String> list = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/engagements"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).as("the session signs the browser in").isEqualTo(200);

        HttpResponse<String> withoutToken = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/engagements"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Requests.intake())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).contains("csrf-token-invalid");

        String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        HttpResponse<String> withToken = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/engagements"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString(Requests.intake())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);
    }

    @Test
    void aPageAsksABrowserToSignIn() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(casebook.baseUrl() + "/")).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login");
    }
}
