package org.casebook.ops.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.casebook.command.engagement.EnterpriseIdentities;
import org.casebook.command.web.EngagementCommandController;
import org.casebook.command.web.EngagementCommandController.AttestationRequest;
import org.casebook.command.web.EngagementCommandController.BusinessStartRequest;
import org.casebook.command.web.EngagementCommandController.CloseRequest;
import org.casebook.command.web.EngagementCommandController.FinancingRequest;
import org.casebook.command.web.EngagementCommandController.FormalizationRequest;
import org.casebook.command.web.EngagementCommandController.IntakeRequest;
import org.casebook.command.web.EngagementCommandController.JobsRequest;
import org.casebook.command.web.EngagementCommandController.ReasonRequest;
import org.casebook.command.web.EngagementCommandController.SalesIncreaseRequest;
import org.casebook.command.web.EngagementCommandController.SessionRequest;
import org.casebook.query.engagement.EngagementView;
import org.casebook.query.web.EngagementQueryController;
import org.casebook.query.web.EngagementQueryController.EngagementSummary;
import org.casebook.query.web.VerificationQueueController;
import org.casebook.shared.actor.Actor;
import org.casebook.shared.id.EngagementId;
import org.casebook.shared.id.ResultId;
import org.casebook.shared.id.SessionId;
import org.casebook.shared.value.AttestationMethod;
import org.casebook.shared.value.ClosureReason;
import org.casebook.shared.value.FinancingInstrument;
import org.casebook.shared.value.Gender;
import org.casebook.shared.value.SessionType;
import org.casebook.shared.value.Stage;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The counselors' pages: the caseload, the intake, and an engagement with everything done in it. Each
 * form is read as the API's request and goes through the same controller the API uses, so the rules and
 * the refusals are the API's; a refusal is shown beside its field, with everything typed kept.
 */
@Controller
class EngagementPages {

    private final EngagementQueryController queries;
    private final EngagementCommandController commands;
    private final VerificationQueueController queue;
    private final EnterpriseIdentities identities;
    private final ReferenceLists reference;
    private final Forms forms;
    private final Clock clock;

    EngagementPages(EngagementQueryController queries, EngagementCommandController commands,
                    VerificationQueueController queue, EnterpriseIdentities identities, ReferenceLists reference,
                    Forms forms, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.queue = queue;
        this.identities = identities;
        this.reference = reference;
        this.forms = forms;
        this.clock = clock;
    }

    // ---- home: the caseload --------------------------------------------------------------------

    @GetMapping("/")
    String home(Actor actor, @RequestParam(required = false) String q, @RequestParam(required = false) String status,
                @RequestParam(required = false) String counselorId, @RequestParam(defaultValue = "0") int page,
                Model model) {
        PageModel.Person me = PageModel.Person.of(actor);
        if (!me.caseWorker() && !me.donor()) {
            // Administrators and operators have no caseload: their own page is home to them.
            return me.admin() ? "redirect:/admin" : me.operator() ? "redirect:/ops" : "redirect:/login?error";
        }
        String shown = status == null ? EngagementView.OPEN : status;
        var found = queries.list(actor, null, blankToNull(counselorId), blankToNull(shown), blankToNull(q),
                "enterpriseName", page, EngagementQueryController.MAX_PAGE_SIZE);
        // My clients first, then the rest of the center's.
        List<EngagementSummary> items = found.items().stream()
                .sorted(Comparator.comparing((EngagementSummary line) -> !actor.userId().equals(line.counselorId())))
                .toList();
        model.addAttribute("items", items);
        model.addAttribute("total", found.total());
        model.addAttribute("page", page);
        model.addAttribute("pages", (found.total() + found.size() - 1) / found.size());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("status", shown);
        model.addAttribute("counselorId", counselorId == null ? "" : counselorId);
        model.addAttribute("counselors", found.items().stream().map(EngagementSummary::counselorId).distinct().sorted()
                .toList());
        model.addAttribute("awaitingMe", items.stream().filter(line -> actor.userId().equals(line.counselorId())
                && line.resultsAwaitingAttestation() > 0).toList());
        model.addAttribute("queueSize", PageModel.Person.of(actor).director() ? queue.queue(actor, null).size() : 0);
        return "home";
    }

    // ---- intake ----------------------------------------------------------------------------------

    @GetMapping("/engagements/new")
    String intakeForm(Actor actor, Model model) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("intakeDate", LocalDate.now(clock).toString());
        typed.put("counselorId", actor.userId());
        Optional<ReferenceLists.Center> center = actor.centers().stream().sorted().findFirst()
                .flatMap(id -> reference.center(id.value()));
        center.ifPresent(c -> {
            typed.put("centerId", c.id());
            typed.put("enterprise.country", c.country());
            typed.put("baseline.annualSales.currency", c.currency());
        });
        return intake(actor, model, typed, null);
    }

    @PostMapping("/engagements/new")
    String intake(Actor actor, @RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
                  HttpServletResponse response) {
        return submit(form, model, locale, response, () -> {
            ResponseEntity<Map<String, String>> created = commands.open(actor, forms.read(form, IntakeRequest.class));
            return "redirect:/engagements/" + created.getBody().get("id") + position(created);
        }, problem -> intake(actor, model, Forms.typed(form), problem));
    }

    /** Whether the enterprise is already a client of an open engagement: asked as soon as its tax id is typed. */
    @GetMapping("/engagements/new/identity")
    String identity(@RequestParam(name = "enterprise.country", required = false) String country,
                    @RequestParam(name = "enterprise.taxId", required = false) String taxId, Model model) {
        Optional<String> holder = country == null || country.isBlank() || taxId == null || taxId.isBlank()
                ? Optional.empty() : identities.holder(country.strip(),
                org.casebook.command.engagement.Engagement.normalizedTaxId(taxId)).map(center -> center.value());
        model.addAttribute("holder", holder.orElse(null));
        return "intake :: identity";
    }

    private String intake(Actor actor, Model model, Map<String, Object> typed, ProblemDetail problem) {
        model.addAttribute("form", typed);
        model.addAttribute("problem", problem);
        model.addAttribute("myCenters", actor.centers().stream().map(id -> reference.center(id.value()))
                .flatMap(Optional::stream).toList());
        model.addAttribute("programmes", reference.programmes());
        model.addAttribute("areas", ReferenceLists.AREAS);
        model.addAttribute("stages", Stage.values());
        model.addAttribute("genders", Gender.values());
        return "intake";
    }

    // ---- the engagement ----------------------------------------------------------------------------

    @GetMapping("/engagements/{id}")
    String engagement(Actor actor, @PathVariable EngagementId id, Locale locale, Model model) {
        return engagement(actor, id, locale, model, null, null, Map.of());
    }

    private String engagement(Actor actor, EngagementId id, Locale locale, Model model, String failedForm,
                              ProblemDetail problem, Map<String, Object> typed) {
        EngagementView view = queries.get(actor, id);
        model.addAttribute("engagement", view);
        model.addAttribute("timeline", queries.timeline(actor, id, locale).entries());
        model.addAttribute("center", reference.center(view.centerId()).orElse(null));
        model.addAttribute("failedForm", failedForm);
        model.addAttribute("problem", problem);
        model.addAttribute("form", typed);
        model.addAttribute("lastSession", view.sessions().isEmpty() ? null
                : view.sessions().get(view.sessions().size() - 1));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("sessionTypes", SessionType.values());
        model.addAttribute("areas", ReferenceLists.AREAS);
        model.addAttribute("instruments", FinancingInstrument.values());
        // What only an import gives is not offered to people.
        model.addAttribute("methods", java.util.Arrays.stream(AttestationMethod.values())
                .filter(method -> method != AttestationMethod.LEGACY_RECORD).toList());
        model.addAttribute("closures", java.util.Arrays.stream(ClosureReason.values())
                .filter(ClosureReason::isChosenByPeople).toList());
        model.addAttribute("otherCenters", reference.centers().stream()
                .filter(center -> !center.id().equals(view.centerId())).toList());
        model.addAttribute("currency", reference.center(view.centerId()).map(ReferenceLists.Center::currency)
                .orElse("USD"));
        return "engagement";
    }

    @PostMapping("/engagements/{id}/sessions")
    String logSession(Actor actor, @PathVariable EngagementId id, @RequestParam MultiValueMap<String, String> form,
                      Model model, Locale locale, HttpServletResponse response) {
        return act(actor, id, "session", form, model, locale, response,
                () -> commands.logSession(actor, id, forms.read(form, SessionRequest.class)));
    }

    @PostMapping("/engagements/{id}/sessions/{sessionId}/correction")
    String correctSession(Actor actor, @PathVariable EngagementId id, @PathVariable SessionId sessionId,
                          @RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
                          HttpServletResponse response) {
        return act(actor, id, "correct-" + sessionId.value(), form, model, locale, response,
                () -> commands.correctSession(actor, id, sessionId, forms.read(form, SessionRequest.class)));
    }

    @PostMapping("/engagements/{id}/sessions/{sessionId}/void")
    String voidSession(Actor actor, @PathVariable EngagementId id, @PathVariable SessionId sessionId,
                       @RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
                       HttpServletResponse response) {
        return act(actor, id, "void-" + sessionId.value(), form, model, locale, response,
                () -> commands.voidSession(actor, id, sessionId, forms.read(form, ReasonRequest.class)));
    }

    @PostMapping("/engagements/{id}/results/{kind}")
    String recordResult(Actor actor, @PathVariable EngagementId id, @PathVariable String kind,
                        @RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
                        HttpServletResponse response) {
        return act(actor, id, kind, form, model, locale, response, () -> switch (kind) {
            case "financing" -> commands.financing(actor, id, forms.read(form, FinancingRequest.class));
            case "jobs" -> commands.jobs(actor, id, forms.read(form, JobsRequest.class));
            case "sales-increases" -> commands.salesIncrease(actor, id, forms.read(form, SalesIncreaseRequest.class));
            case "business-starts" -> commands.businessStart(actor, id, forms.read(form, BusinessStartRequest.class));
            case "formalizations" -> commands.formalization(actor, id, forms.read(form, FormalizationRequest.class));
            default -> throw org.casebook.shared.refusal.Refusal.notFound("not-found");
        });
    }

    @PostMapping("/engagements/{id}/results/{resultId}/{step}")
    String evidence(Actor actor, @PathVariable EngagementId id, @PathVariable ResultId resultId,
                    @PathVariable String step, @RequestParam MultiValueMap<String, String> form, Model model,
                    Locale locale, HttpServletResponse response) {
        return act(actor, id, step + "-" + resultId.value(), form, model, locale, response, () -> switch (step) {
            case "attestation" -> commands.attest(actor, id, resultId, forms.read(form, AttestationRequest.class));
            case "verification" -> commands.verify(actor, id, resultId);
            case "rejection" -> commands.reject(actor, id, resultId, forms.read(form, ReasonRequest.class));
            case "withdrawal" -> commands.withdraw(actor, id, resultId, forms.read(form, ReasonRequest.class));
            case "reopening" -> commands.reopenResult(actor, id, resultId, forms.read(form, ReasonRequest.class));
            default -> throw org.casebook.shared.refusal.Refusal.notFound("not-found");
        });
    }

    @PostMapping("/engagements/{id}/close")
    String close(Actor actor, @PathVariable EngagementId id, @RequestParam MultiValueMap<String, String> form,
                 Model model, Locale locale, HttpServletResponse response) {
        return act(actor, id, "close", form, model, locale, response,
                () -> commands.close(actor, id, forms.read(form, CloseRequest.class)));
    }

    @PostMapping("/engagements/{id}/transfer")
    String transfer(Actor actor, @PathVariable EngagementId id, @RequestParam MultiValueMap<String, String> form,
                    Model model, Locale locale, HttpServletResponse response) {
        return act(actor, id, "transfer", form, model, locale, response,
                () -> commands.transfer(actor, id, forms.read(form,
                        EngagementCommandController.TransferRequest.class)));
    }

    @PostMapping("/engagements/{id}/reopen")
    String reopen(Actor actor, @PathVariable EngagementId id, @RequestParam MultiValueMap<String, String> form,
                  Model model, Locale locale, HttpServletResponse response) {
        return act(actor, id, "reopen", form, model, locale, response,
                () -> commands.reopen(actor, id, forms.read(form, ReasonRequest.class)));
    }

    /** Does one thing to the engagement, then shows it again once the read models have it. */
    private String act(Actor actor, EngagementId id, String formName, MultiValueMap<String, String> form, Model model,
                       Locale locale, HttpServletResponse response,
                       Supplier<ResponseEntity<Map<String, String>>> command) {
        return submit(form, model, locale, response,
                () -> "redirect:/engagements/" + id.value() + position(command.get()),
                problem -> engagement(actor, id, locale, model, formName, problem, Forms.typed(form)));
    }

    /**
     * Runs a submission: on success where it leads; on a refusal, the page again with the refusal beside its
     * field and what was typed, answered with the refusal's status.
     */
    static String submit(MultiValueMap<String, String> form, Model model, Locale locale, HttpServletResponse response,
                         Supplier<String> success, java.util.function.Function<ProblemDetail, String> refused) {
        try {
            return success.get();
        } catch (RuntimeException failure) {
            ProblemDetail problem = Forms.problem(failure, locale).orElseThrow(() -> failure);
            response.setStatus(problem.getStatus());
            return refused.apply(problem);
        }
    }

    /** The query that makes the next page wait until the read models have the write. */
    static String position(ResponseEntity<?> written) {
        String position = written.getHeaders().getFirst(EngagementCommandController.POSITION_HEADER);
        return position == null ? "" : "?minPosition=" + position;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static MultiValueMap<String, String> none() {
        return new LinkedMultiValueMap<>();
    }
}
