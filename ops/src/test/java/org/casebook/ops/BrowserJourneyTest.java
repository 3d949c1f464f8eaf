package org.casebook.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A counselor's and a director's day, in Debian's Chromium driven through its chromedriver: sign in,
 * take in a client (once refused, nothing typed lost), log a session (once refused), record financing,
 * attest it with a file whose SHA-256 the browser computes, the director verifies it from the queue,
 * the center's dashboard shows it verified, and its audit history verifies. In Spanish, in English, and
 * at a phone's width; every step leaves a screenshot under {@code target/screenshots/}.
 */
class BrowserJourneyTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final AtomicInteger TAX_IDS = new AtomicInteger(700);

    @TempDir
    static Path data;
    static CasebookInstance casebook;

    @BeforeAll
    static void start() {
        assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "Debian's chromium and chromium-driver are installed (.ci/run installs them)");
        casebook = CasebookInstance.start(data).seeded();
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        assertThat(casebook.as(Users.ADMIN).put("/api/admin/exchange-rates/HNL/" + month, "{\"usdPerUnit\": \"0.0405\"}")
                .status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (casebook != null) {
            casebook.close();
        }
    }

    @ParameterizedTest(name = "{0} at {1}x{2}")
    @CsvSource({"es, 1280, 900", "en, 1280, 900", "en, 390, 844"})
    void aCounselorsAndADirectorsDay(String language, int width, int height) throws Exception {
        Path shots = Path.of("target", "screenshots", language + "-" + width);
        Files.createDirectories(shots);
        try (var old = Files.list(shots)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        Browser browser = new Browser(language, width, height, shots);
        try {
            browser.journey();
        } catch (Exception | AssertionError failure) {
            browser.shot("failed-here");
            Files.writeString(shots.resolve("failed-here.html"), browser.driver.getPageSource());
            throw failure;
        } finally {
            browser.quit();
        }
    }

    final class Browser {

        final String language;
        final boolean phone;
        final Path shots;
        final WebDriver driver;
        final WebDriverWait wait;
        int step;

        Browser(String language, int width, int height, Path shots) {
            this.language = language;
            this.phone = width < 600;
            this.shots = shots;
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=" + width + "," + height, "--lang=" + language);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().build();
            this.driver = new ChromeDriver(service, options);
            this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
            // A page reloading under a wait leaves its elements stale: look again.
            this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        }

        void quit() {
            driver.quit();
        }

        void journey() throws Exception {
            // Sign in as the counselor.
            open("/login");
            shot("sign-in");
            signIn(Users.ANA);
            assertThat(driver.getCurrentUrl()).endsWith("/");
            shot("caseload");

            // Intake: refused once for a missing name, with everything else kept.
            click(By.cssSelector("a.button.primary[href='/engagements/new']"));
            String taxId = "0801" + TAX_IDS.incrementAndGet() + "000";
            set("intake-enterprise.taxId", taxId);
            set("intake-enterprise.sector", "1071");
            set("intake-enterprise.legalForm", "SOLE_PROPRIETOR");
            set("intake-owner.name", "María Fernández");
            set("intake-owner.birthYear", "1985");
            set("intake-contact.email", "maria@example.org");
            set("intake-baseline.fullTimeEmployees", "2");
            set("intake-baseline.partTimeEmployees", "1");
            set("intake-baseline.annualSales.amount", "350000.00");
            click(By.id("f-programme-DINAMICA"));
            click(By.id("f-need-FINANCE"));
            click(By.cssSelector("form.stacked button[type=submit]"));
            WebElement refused = wait.until(d -> d.findElement(By.id("intake-enterprise.name-error")));
            assertThat(refused.getText()).as("the API's refusal, naming the field by its label")
                    .isEqualTo(apiRefusal("/api/engagements", intakeWithoutName(taxId))
                            .replace("\"enterprise.name\"", "\"" + text("intake.enterpriseName") + "\""));
            assertThat(value("intake-enterprise.taxId")).as("nothing typed is lost").isEqualTo(taxId);
            assertThat(value("intake-owner.name")).isEqualTo("María Fernández");
            assertThat(driver.findElement(By.id("f-programme-DINAMICA")).isSelected()).isTrue();
            assertThat(driver.switchTo().activeElement().getAttribute("id")).as("the refused field has the focus")
                    .isEqualTo("intake-enterprise.name");
            shot("intake-refused");
            set("intake-enterprise.name", "Panadería La Esperanza");
            click(By.cssSelector("form.stacked button[type=submit]"));
            wait.until(d -> d.getCurrentUrl().matches(".*/engagements/[^/?]+(\\?.*)?$")
                    && !d.getCurrentUrl().contains("/new"));
            String engagement = driver.getCurrentUrl().replaceAll(".*/engagements/([^/?]+).*", "$1");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Panadería La Esperanza");
            shot("engagement");

            // A session: refused once for a date before the intake, then logged.
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            set("session-date", LocalDate.now(ZoneOffset.UTC).minusDays(3).toString());
            set("session-contactMinutes", "90");
            set("session-prepMinutes", "30");
            set("session-notes", "Cash-flow plan for the bank.");
            click(By.cssSelector("form[action$='/sessions'] button[type=submit]"));
            WebElement dateRefused = wait.until(d -> d.findElement(By.id("session-date-error")));
            assertThat(dateRefused.getText()).isEqualTo(apiRefusal("/api/engagements/" + engagement + "/sessions",
                    Requests.session(LocalDate.now(ZoneOffset.UTC).minusDays(3).toString(), 90))
                    .replace("\"date\"", "\"" + text("session.date") + "\""));
            assertThat(value("session-contactMinutes")).isEqualTo("90");
            assertThat(value("session-notes")).isEqualTo("Cash-flow plan for the bank.");
            shot("session-refused");
            set("session-date", today);
            click(By.cssSelector("form[action$='/sessions'] button[type=submit]"));
            wait.until(d -> !d.findElements(By.cssSelector("#sessions")).isEmpty());
            shot("session-logged");

            // Financing obtained, then attested with the signed form's file.
            WebElement financing = driver.findElement(By.xpath("//form[contains(@action, '/results/financing')]/preceding-sibling::summary"));
            assertThat(financing.getText()).isEqualTo(text("result.FINANCING"));
            click(By.xpath("//form[contains(@action, '/results/financing')]/preceding-sibling::summary"));
            set("financing-source", "Banco Atlántida");
            set("financing-amount.amount", "120000.00");
            click(By.cssSelector("form[action$='/results/financing'] button[type=submit]"));
            WebElement result = wait.until(d -> d.findElement(By.cssSelector("li.card[id^='result-']")));
            String resultId = result.getAttribute("id").substring("result-".length());
            assertThat(result.findElement(By.cssSelector(".badge")).getText()).isEqualTo(text("evidence.CLAIMED"));
            shot("financing");
            assertThat(driver.findElement(By.cssSelector("#result-" + resultId + " details > summary")).getText())
                    .isEqualTo(text("evidence.attest"));
            click(By.cssSelector("#result-" + resultId + " details > summary"));
            Path form = Files.writeString(Files.createTempFile(data, "signed-form-", ".pdf"), "Signed by María, " + language);
            driver.findElement(By.id("attest-" + resultId + "-file")).sendKeys(form.toAbsolutePath().toString());
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(form)));
            wait.until(d -> sha256.equals(value("attest-" + resultId + "-evidenceSha256")));
            assertThat(value("attest-" + resultId + "-evidenceRef")).as("the file's name may name the client").isEmpty();
            set("attest-" + resultId + "-evidenceRef", "SF-2026-114");
            shot("attesting");
            click(By.cssSelector("form.evidence-form button[type=submit]"));
            wait.until(d -> d.findElement(By.cssSelector("#result-" + resultId + " .badge")).getText()
                    .equals(text("evidence.ATTESTED")));
            shot("attested");
            signOut();

            // The director verifies it from the queue, without leaving the page.
            java.math.BigDecimal before = verifiedCapitalInHnl();
            signIn(Users.ROSA);
            open("/verification");
            WebElement item = driver.findElement(By.id("item-" + resultId));
            assertThat(item.getText()).contains(sha256);
            shot("verification-queue");
            click(By.cssSelector("#item-" + resultId + " form[action$='/verify'] button"));
            wait.until(d -> d.findElement(By.cssSelector("#item-" + resultId + " .badge")).getText()
                    .equals(text("evidence.VERIFIED")));
            assertThat(driver.switchTo().activeElement().getAttribute("role")).as("the focus stays where the page changed")
                    .isEqualTo("status");
            shot("verified");

            // The center's dashboard shows the financing verified; the audit history verifies.
            open("/dashboards/centers/HN-TGU-01");
            String capitalRow = driver.findElement(By.xpath("//tr[th[normalize-space()='"
                    + text("figure.capitalIn", "HNL") + "']]")).getText();
            assertThat(capitalRow).as("verified now, beside what was verified before")
                    .endsWith(before.add(new java.math.BigDecimal("120000.00")).toPlainString());
            shot("dashboard");
            ((JavascriptExecutor) driver).executeScript("document.getElementById('by-month').scrollIntoView();");
            shot("dashboard-charts");
            open("/dashboards/countries/HN");
            open("/dashboards/network");
            shot("network-dashboard");
            open("/engagements/" + engagement + "/audit");
            assertThat(driver.findElement(By.cssSelector("#chain .badge.valid")).getText()).isNotBlank();
            shot("audit");
            signOut();

            // The administrator's and the operator's pages.
            signIn(Users.ADMIN);
            assertThat(driver.getCurrentUrl()).endsWith("/admin");
            assertThat(driver.findElement(By.tagName("body")).getText()).contains(Users.ANA);
            shot("administration");
            open("/admin/users/" + Users.ANA);
            shot("a-user");
            importHistory();
            signOut();
            signIn(Users.OPS);
            assertThat(driver.findElements(By.cssSelector(".read-model"))).hasSize(3);
            shot("operations");
            // The page refreshes itself every two seconds; a keyboard user's focus stays where it was.
            ((JavascriptExecutor) driver).executeScript("document.getElementById('read-models').dataset.before = 'yes';"
                    + " document.getElementById('rebuild-engagements').focus()");
            wait.until(d -> ((JavascriptExecutor) d).executeScript(
                    "return document.getElementById('read-models').dataset.before === undefined"));
            new WebDriverWait(driver, Duration.ofSeconds(1)).until(d -> "rebuild-engagements".equals(
                    ((JavascriptExecutor) d).executeScript("return document.activeElement.id")));
            // A rebuild from the page: the page follows it by itself until the new version serves.
            int serving = Integer.parseInt(driver.findElement(By.cssSelector("#read-model-figures dd")).getText());
            click(By.cssSelector("#read-model-figures button[type=submit]"));
            wait.until(d -> d.findElement(By.cssSelector("#read-model-figures dd")).getText()
                    .equals(Integer.toString(serving + 1)));
            checkPage();
            shot("operations-rebuilt");
            signOut();
        }

        /** The imports page: files checked, then imported, the batch followed to what it stored. */
        void importHistory() throws Exception {
            // Every run imports the same rows as another legacy system, so that each run's batch has them all.
            String system = phone ? "WebCATS" : language.equals("es") ? "Neoserra" : "Center IC";
            Path directory = Files.createTempDirectory("legacy");
            List<String> paths = new java.util.ArrayList<>();
            Map<String, String> files = Map.of("engagements.csv", LegacyImportTest.ENGAGEMENTS.replace("08019995000011",
                    "0801999500" + (phone ? "7001" : language.equals("es") ? "7002" : "7003")),
                    "sessions.csv", LegacyImportTest.SESSIONS, "results.csv", LegacyImportTest.RESULTS);
            for (Map.Entry<String, String> file : files.entrySet()) {
                paths.add(Files.writeString(directory.resolve(file.getKey()), file.getValue()).toAbsolutePath().toString());
            }
            open("/admin/imports");
            set("import-system", system);
            driver.findElement(By.id("import-files")).sendKeys(String.join("\n", paths));
            click(By.cssSelector("button[value=check]"));
            wait.until(d -> !d.findElements(By.id("report")).isEmpty());
            checkPage();
            shot("imports-checked");
            driver.findElement(By.id("import-files")).sendKeys(String.join("\n", paths));
            click(By.cssSelector("button[value=import]"));
            wait.until(d -> d.getCurrentUrl().contains("/admin/imports/imp-"));
            wait.until(d -> !d.findElements(By.id("reconciliation")).isEmpty());
            checkPage();
            assertThat(driver.findElement(By.id("import-progress")).getText()).contains("HN-TGU-01", "150000.00 HNL");
            shot("import-batch");
        }

        void open(String path) {
            driver.get(casebook.baseUrl() + path);
            checkPage();
        }

        void click(By what) {
            WebElement element = wait.until(d -> d.findElement(what));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
            element.click();
        }

        /** Types a value the way a person's browser would leave it (dates included, whatever the locale's picker). */
        void set(String id, String value) {
            WebElement element = wait.until(d -> d.findElement(By.id(id)));
            ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                    + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                    + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", element, value);
        }

        String value(String id) {
            return driver.findElement(By.id(id)).getAttribute("value");
        }

        /** Signs in with the keyboard alone: the user name field has the focus, Tab, Enter. */
        void signIn(String user) {
            open("/login");
            assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("username");
            driver.switchTo().activeElement().sendKeys(user + org.openqa.selenium.Keys.TAB + Users.passwordOf(user)
                    + org.openqa.selenium.Keys.ENTER);
            wait.until(d -> !d.getCurrentUrl().contains("/login"));
            checkPage();
        }

        void signOut() {
            click(By.cssSelector("form.sign-out button"));
            wait.until(d -> d.getCurrentUrl().contains("/login"));
        }

        /** Every page: in the person's language, and on a phone no wider than the screen. */
        void checkPage() {
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).as(driver.getCurrentUrl())
                    .isEqualTo(language);
            @SuppressWarnings("unchecked")
            List<String> unlabelled = (List<String>) ((JavascriptExecutor) driver).executeScript("""
                    return Array.from(document.querySelectorAll('input, select, textarea'))
                        .filter(c => c.type !== 'hidden')
                        .filter(c => !(c.id && document.querySelector('label[for="' + CSS.escape(c.id) + '"]'))
                                  && !c.closest('label') && !c.getAttribute('aria-label'))
                        .map(c => c.outerHTML);""");
            assertThat(unlabelled).as("every form control has a label: " + driver.getCurrentUrl()).isEmpty();
            List<String> violations = new com.deque.html.axecore.selenium.AxeBuilder()
                    .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                    .analyze(driver).getViolations().stream()
                    .map(rule -> rule.getId() + ": " + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget()))
                            .limit(3).toList())
                    .toList();
            assertThat(violations).as("WCAG 2.2 AA, as axe-core checks it: " + driver.getCurrentUrl()).isEmpty();
            if (phone) {
                Number overflow = (Number) ((JavascriptExecutor) driver).executeScript(
                        "return document.documentElement.scrollWidth - window.innerWidth;");
                assertThat(overflow.intValue()).as("no sideways scrolling on a phone: " + driver.getCurrentUrl())
                        .isLessThanOrEqualTo(0);
            }
        }

        void shot(String name) throws java.io.IOException {
            if (!name.startsWith("failed")) {
                checkPage();
            }
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(shots.resolve(String.format("%02d-%s.png", ++step, name)), png);
        }

        String text(String key, Object... arguments) {
            return casebook.bean(org.springframework.context.MessageSource.class)
                    .getMessage(key, arguments, java.util.Locale.forLanguageTag(language));
        }

        java.math.BigDecimal verifiedCapitalInHnl() {
            var verified = casebook.as(Users.ROSA).get("/api/dashboards/centers/HN-TGU-01")
                    .json().at("/capitalObtainedByCurrency/HNL/verified");
            return verified.isMissingNode() ? java.math.BigDecimal.ZERO.setScale(2) : new java.math.BigDecimal(verified.asText());
        }

        /** The API's refusal of the same request, in the same language: the page must say the same. */
        String apiRefusal(String path, String body) {
            return casebook.as(Users.ANA).post(path, body, "Accept-Language", language).json().get("detail").asText();
        }

        String intakeWithoutName(String taxId) {
            return Requests.intake("HN-TGU-01", Users.ANA, LocalDate.now(ZoneOffset.UTC).toString(), taxId)
                    .replace("\"name\": \"Panadería La Esperanza\", ", "");
        }
    }
}
