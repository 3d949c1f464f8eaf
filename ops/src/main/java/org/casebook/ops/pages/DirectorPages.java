package org.casebook.ops.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.casebook.command.web.EngagementCommandController;
import org.casebook.command.web.EngagementCommandController.ReasonRequest;
import org.casebook.query.figures.Dashboard;
import org.casebook.query.web.AuditController;
import org.casebook.query.web.DashboardController;
import org.casebook.query.web.VerificationQueueController;
import org.casebook.shared.actor.Actor;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ResultId;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What directors and donors read and decide: the verification queue, the dashboards of a center, a
 * country and the network, and an engagement's audit history with its chain's verdict.
 */
@Controller
class DirectorPages {

    /** The most months a dashboard page draws bars for. */
    static final int MONTHS_DRAWN = 24;

    private final VerificationQueueController queue;
    private final EngagementCommandController commands;
    private final DashboardController dashboards;
    private final AuditController audit;
    private final ReferenceLists reference;
    private final Forms forms;
    private final org.casebook.query.store.FiscalYears fiscalYears;
    private final org.springframework.context.MessageSource messages;
    private final Clock clock;

    DirectorPages(VerificationQueueController queue, EngagementCommandController commands,
                  DashboardController dashboards, AuditController audit, ReferenceLists reference, Forms forms,
                  org.casebook.query.store.FiscalYears fiscalYears, org.springframework.context.MessageSource messages,
                  Clock clock) {
        this.fiscalYears = fiscalYears;
        this.messages = messages;
        this.queue = queue;
        this.commands = commands;
        this.dashboards = dashboards;
        this.audit = audit;
        this.reference = reference;
        this.forms = forms;
        this.clock = clock;
    }

    // ---- the verification queue -----------------------------------------------------------------

    @GetMapping("/verification")
    String verification(Actor actor, Model model) {
        model.addAttribute("items", queue.queue(actor, null));
        return "verification";
    }

    /**
     * Verifies or rejects one result. From the queue (htmx) the answer is that result's row, decided, so the
     * director goes on to the next without leaving the page; without htmx, the queue again.
     */
    @PostMapping("/verification/{engagementId}/{resultId}/{decision}")
    String decide(Actor actor, @PathVariable EngagementId engagementId, @PathVariable ResultId resultId,
                  @PathVariable String decision, @RequestParam MultiValueMap<String, String> form,
                  @org.springframework.web.bind.annotation.RequestHeader(name = "HX-Request", required = false) String htmx,
                  Model model, Locale locale, HttpServletResponse response) {
        model.addAttribute("engagementId", engagementId.value());
        model.addAttribute("resultId", resultId.value());
        return EngagementPages.submit(form, model, locale, response, () -> {
            ResponseEntity<Map<String, String>> done = switch (decision) {
                case "verify" -> commands.verify(actor, engagementId, resultId);
                case "reject" -> commands.reject(actor, engagementId, resultId, forms.read(form, ReasonRequest.class));
                default -> throw org.casebook.shared.refusal.Refusal.notFound("not-found");
            };
            if (htmx == null) {
                return "redirect:/verification" + EngagementPages.position(done);
            }
            model.addAttribute("decided", "verify".equals(decision) ? "VERIFIED" : "REJECTED");
            return "verification :: decided";
        }, problem -> {
            if (htmx == null) {
                model.addAttribute("items", queue.queue(actor, null));
                model.addAttribute("problem", problem);
                return "verification";
            }
            // htmx swaps only successful answers by default: this one is shown as a 200 with the refusal.
            response.setStatus(200);
            model.addAttribute("problem", problem);
            return "verification :: refused";
        });
    }

    // ---- dashboards ---------------------------------------------------------------------------------

    @GetMapping("/dashboards/centers/{centerId}")
    String center(Actor actor, @PathVariable CenterId centerId, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, @RequestParam(required = false) String asOf, Model model) {
        var center = reference.center(centerId.value());
        return dashboard(model, "centers/" + centerId.value(), center.map(c -> c.name()).orElse(centerId.value()),
                center.map(c -> c.country()).orElse(null), (f, t, a) -> dashboards.center(actor, centerId, f, t, a),
                from, to, asOf);
    }

    @GetMapping("/dashboards/countries/{countryCode}")
    String country(Actor actor, @PathVariable String countryCode, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, @RequestParam(required = false) String asOf, Model model) {
        return dashboard(model, "countries/" + countryCode, countryCode, countryCode,
                (f, t, a) -> dashboards.country(actor, countryCode, f, t, a), from, to, asOf);
    }

    @GetMapping("/dashboards/network")
    String network(Actor actor, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(required = false) String asOf, Model model) {
        return dashboard(model, "network", null, null, (f, t, a) -> dashboards.network(actor, f, t, a), from, to, asOf);
    }

    interface Scope {
        Dashboard read(String from, String to, String asOf);
    }

    /** One bar of the monthly chart. */
    public record Month(String label, String from, long clientsServed, double hours) {
    }

    /** One breakdown's bar: a group and its clients served, out of the largest group's. */
    public record Bar(String label, long clientsServed, long percentOfLargest) {
    }

    /** A breakdown's bars, and the same in words for those who do not see the chart. */
    public record Chart(String title, String description, List<Bar> bars) {
    }

    /**
     * @param country the scope's country, whose fiscal year the period picker offers; {@code null} for the
     *                network, whose countries' fiscal years differ
     */
    private String dashboard(Model model, String path, String name, String country, Scope scope, String from,
                             String to, String asOf) {
        LocalDate today = LocalDate.now(clock);
        Dashboard dashboard = scope.read(from, to, asOf);
        List<Month> months = new ArrayList<>();
        YearMonth last = YearMonth.from(dashboard.to());
        YearMonth first = YearMonth.from(dashboard.from());
        if (first.plusMonths(MONTHS_DRAWN).isAfter(last)) {
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                LocalDate start = month.atDay(1).isBefore(dashboard.from()) ? dashboard.from() : month.atDay(1);
                LocalDate end = month.atEndOfMonth().isAfter(dashboard.to()) ? dashboard.to() : month.atEndOfMonth();
                Dashboard part = scope.read(start.toString(), end.toString(), asOf);
                months.add(new Month(month.toString(), start.toString(), part.figures().clientsServed(),
                        part.figures().counselingHours().doubleValue()));
            }
        }
        model.addAttribute("d", dashboard);
        model.addAttribute("f", dashboard.figures());
        model.addAttribute("path", path);
        model.addAttribute("name", name);
        model.addAttribute("months", months);
        model.addAttribute("maxServed", Math.max(1, months.stream().mapToLong(Month::clientsServed).max().orElse(1)));
        model.addAttribute("asOf", asOf == null ? "" : asOf);
        model.addAttribute("centers", reference.centers());
        model.addAttribute("countries", reference.countries());
        YearMonth thisMonth = YearMonth.from(today);
        LocalDate quarterStart = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
        List<Period> periods = new ArrayList<>(List.of(
                new Period("thisMonth", thisMonth.atDay(1), thisMonth.atEndOfMonth()),
                new Period("thisQuarter", quarterStart, quarterStart.plusMonths(3).minusDays(1)),
                new Period("thisYear", today.withDayOfYear(1), today.withDayOfYear(1).plusYears(1).minusDays(1)),
                new Period("lastYear", today.withDayOfYear(1).minusYears(1), today.withDayOfYear(1).minusDays(1))));
        if (country != null) {
            LocalDate fiscalStart = fiscalYears.startOf(country, today);
            periods.add(new Period("thisFiscalYear", fiscalStart, fiscalStart.plusYears(1).minusDays(1)));
            periods.add(new Period("lastFiscalYear", fiscalStart.minusYears(1), fiscalStart.minusDays(1)));
        }
        model.addAttribute("periods", periods);
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        List<Chart> charts = new ArrayList<>();
        dashboard.breakdowns().forEach((breakdown, groups) -> {
            long largest = Math.max(1, groups.values().stream().mapToLong(g -> g.clientsServed()).max().orElse(1));
            List<Bar> bars = groups.entrySet().stream().map(group -> new Bar(
                    messages.getMessage(breakdown + "." + group.getKey(), null, group.getKey(), locale),
                    group.getValue().clientsServed(), group.getValue().clientsServed() * 100 / largest)).toList();
            String title = messages.getMessage("breakdown." + breakdown, null, breakdown, locale);
            charts.add(new Chart(title, title + ": " + String.join(", ", bars.stream()
                    .map(bar -> bar.label() + " " + bar.clientsServed()).toList()), bars));
        });
        model.addAttribute("charts", charts);
        return "dashboard";
    }

    public record Period(String name, LocalDate from, LocalDate to) {
    }

    @GetMapping(path = {"/dashboards/centers/{centerId}/figures.csv"}, produces = "text/csv")
    ResponseEntity<String> centerCsv(Actor actor, @PathVariable CenterId centerId, @RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to, @RequestParam(required = false) String asOf) {
        return dashboards.centerCsv(actor, centerId, from, to, asOf);
    }

    @GetMapping(path = {"/dashboards/countries/{countryCode}/figures.csv"}, produces = "text/csv")
    ResponseEntity<String> countryCsv(Actor actor, @PathVariable String countryCode, @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to, @RequestParam(required = false) String asOf) {
        return dashboards.countryCsv(actor, countryCode, from, to, asOf);
    }

    @GetMapping(path = {"/dashboards/network/figures.csv"}, produces = "text/csv")
    ResponseEntity<String> networkCsv(Actor actor, @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to, @RequestParam(required = false) String asOf) {
        return dashboards.networkCsv(actor, from, to, asOf);
    }

    // ---- the audit history ---------------------------------------------------------------------------

    @GetMapping("/engagements/{id}/audit")
    String audit(Actor actor, @PathVariable EngagementId id, Locale locale, Model model) {
        ResponseEntity<?> history = audit.audit(actor, id, locale, null, "json");
        model.addAttribute("history", history.getBody());
        model.addAttribute("verification", audit.verification(actor, id));
        model.addAttribute("engagementId", id.value());
        model.addAttribute("myProgrammes", actor.programmes().stream().map(code -> code.value()).sorted().toList());
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("exportFrom", today.withDayOfYear(1));
        model.addAttribute("exportTo", today);
        return "audit";
    }

}
