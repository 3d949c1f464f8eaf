package org.casebook.ops.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.casebook.command.reference.ReferenceDataController;
import org.casebook.command.reference.ReferenceDataController.CenterRequest;
import org.casebook.command.reference.ReferenceDataController.ProgrammeRequest;
import org.casebook.command.reference.ReferenceDataController.RateRequest;
import org.casebook.ops.readmodels.ReadModelStatuses;
import org.casebook.ops.security.UserAccounts;
import org.casebook.ops.security.UserAdministrationController;
import org.casebook.ops.security.UserAdministrationController.UserRequest;
import org.casebook.shared.actor.Actor;
import org.casebook.shared.actor.Role;
import org.casebook.shared.id.CenterId;
import org.casebook.shared.id.ProgrammeCode;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administrators' page (users, centers, programmes, exchange rates) and the operators' (each read
 * model's position and lag). Each form goes through the API's own controller.
 */
@Controller
class OperatorPages {

    private final UserAccounts accounts;
    private final UserAdministrationController users;
    private final ReferenceDataController referenceData;
    private final ReferenceLists reference;
    private final PersonLanguages languages;
    private final ReadModelStatuses readModels;
    private final org.casebook.ops.readmodels.OperationsController operations;
    private final JdbcTemplate jdbc;
    private final Forms forms;
    private final org.casebook.query.store.DocumentCollection<org.casebook.query.reference.ExchangeRateView> rates;

    OperatorPages(UserAccounts accounts, UserAdministrationController users, ReferenceDataController referenceData,
                  ReferenceLists reference, PersonLanguages languages, ReadModelStatuses readModels,
                  org.casebook.ops.readmodels.OperationsController operations,
                  JdbcTemplate jdbc, Forms forms,
                  org.casebook.query.store.DocumentCollection<org.casebook.query.reference.ExchangeRateView> rates) {
        this.rates = rates;
        this.accounts = accounts;
        this.users = users;
        this.referenceData = referenceData;
        this.reference = reference;
        this.languages = languages;
        this.readModels = readModels;
        this.operations = operations;
        this.jdbc = jdbc;
        this.forms = forms;
    }

    @GetMapping("/admin")
    String admin(Model model) {
        return admin(model, null, null, Map.of());
    }

    private String admin(Model model, String failedForm, ProblemDetail problem, Map<String, Object> typed) {
        model.addAttribute("users", accounts.all());
        model.addAttribute("centers", reference.centers());
        model.addAttribute("programmes", reference.programmes());
        model.addAttribute("roles", Role.values());
        // The latest months' rates, newest first: what the figures convert at now.
        List<org.casebook.query.reference.ExchangeRateView> latest = new ArrayList<>();
        rates.each(com.mongodb.client.model.Filters.empty()).forEach(latest::add);
        latest.sort(java.util.Comparator.comparing(org.casebook.query.reference.ExchangeRateView::month).reversed()
                .thenComparing(org.casebook.query.reference.ExchangeRateView::currency));
        model.addAttribute("rates", latest.stream().limit(48).toList());
        model.addAttribute("failedForm", failedForm);
        model.addAttribute("problem", problem);
        model.addAttribute("form", typed);
        return "admin";
    }

    @PostMapping("/admin/users")
    String createUser(@RequestParam MultiValueMap<String, String> form, @RequestParam(required = false) String language,
                      Model model, Locale locale, HttpServletResponse response) {
        return EngagementPages.submit(form, model, locale, response, () -> {
            form.remove("language");
            UserRequest request = forms.read(form, UserRequest.class);
            users.create(request);
            if (language != null && !language.isBlank()) {
                languages.choose(request.username(), Locale.forLanguageTag(language));
            }
            return "redirect:/admin";
        }, problem -> admin(model, "user", problem, Forms.typed(form)));
    }

    /** One user, to change: roles, centers, programmes, language, a new password, enabled or not. */
    @GetMapping("/admin/users/{username}")
    String user(@org.springframework.web.bind.annotation.PathVariable String username, Model model) {
        return user(model, username, null, null);
    }

    private String user(Model model, String username, ProblemDetail problem, Map<String, Object> typed) {
        UserAdministrationController.UserView user = users.get(username);
        model.addAttribute("user", user);
        model.addAttribute("language", languages.chosenBy(username).map(Locale::getLanguage).orElse(""));
        model.addAttribute("centers", reference.centers());
        model.addAttribute("programmes", reference.programmes());
        model.addAttribute("roles", Role.values());
        model.addAttribute("problem", problem);
        model.addAttribute("form", typed == null ? Map.of() : typed);
        return "user";
    }

    @PostMapping("/admin/users/{username}")
    String changeUser(@org.springframework.web.bind.annotation.PathVariable String username,
                      @RequestParam MultiValueMap<String, String> form, @RequestParam(required = false) String language,
                      Model model, Locale locale, HttpServletResponse response) {
        return EngagementPages.submit(form, model, locale, response, () -> {
            form.remove("language");
            form.putIfAbsent("roles[]", List.of());
            form.putIfAbsent("centers[]", List.of());
            form.putIfAbsent("programmes[]", List.of());
            users.change(username, forms.read(form, UserRequest.class));
            if (language != null && !language.isBlank()) {
                languages.choose(username, Locale.forLanguageTag(language));
            }
            return "redirect:/admin";
        }, problem -> user(model, username, problem, Forms.typed(form)));
    }

    @PostMapping("/admin/centers")
    String defineCenter(Actor actor, @RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
                        HttpServletResponse response) {
        return EngagementPages.submit(form, model, locale, response, () -> {
            String id = required(form, "centerId");
            referenceData.defineCenter(actor, new CenterId(id),
                    forms.read(form, CenterRequest.class));
            return "redirect:/admin";
        }, problem -> admin(model, "center", problem, Forms.typed(form)));
    }

    @PostMapping("/admin/programmes")
    String defineProgramme(Actor actor, @RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
                           HttpServletResponse response) {
        return EngagementPages.submit(form, model, locale, response, () -> {
            String code = required(form, "code");
            referenceData.defineProgramme(actor, new ProgrammeCode(code),
                    forms.read(form, ProgrammeRequest.class));
            return "redirect:/admin";
        }, problem -> admin(model, "programme", problem, Forms.typed(form)));
    }

    @PostMapping("/admin/exchange-rates")
    String setRate(Actor actor, @RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
                   HttpServletResponse response) {
        return EngagementPages.submit(form, model, locale, response, () -> {
            String currency = required(form, "currency");
            String month = required(form, "month");
            return "redirect:/admin" + EngagementPages.position(
                    referenceData.setExchangeRate(actor, currency, month, forms.read(form, RateRequest.class)));
        }, problem -> admin(model, "rate", problem, Forms.typed(form)));
    }

    /** A field the API takes in its path: taken out of the form, refused when empty. */
    private static String required(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        form.remove(field);
        if (value == null || value.isBlank()) {
            throw org.casebook.shared.refusal.Refusal.required(field);
        }
        return value.strip();
    }

    @GetMapping("/ops")
    String ops(Model model) {
        List<ReadModelStatuses.Status> statuses = readModels.all();
        model.addAttribute("readModels", statuses);
        model.addAttribute("head", statuses.isEmpty() ? -1 : statuses.get(0).head());
        return "ops";
    }

    /** Starts ({@code rebuild}) or cancels ({@code cancel}) a rebuild, through the operations API. */
    @PostMapping("/ops/read-models/{name}/{action:rebuild|cancel}")
    String rebuild(@org.springframework.web.bind.annotation.PathVariable String name,
                   @org.springframework.web.bind.annotation.PathVariable String action, Actor actor, Model model,
                   Locale locale, HttpServletResponse response) {
        return EngagementPages.submit(EngagementPages.none(), model, locale, response, () -> {
            if ("rebuild".equals(action)) {
                operations.rebuild(name, actor);
            } else {
                operations.cancel(name, actor);
            }
            return "redirect:/ops";
        }, problem -> opsRefused(model, problem));
    }

    private String opsRefused(Model model, ProblemDetail problem) {
        model.addAttribute("problem", problem);
        return ops(model);
    }

    /** The read models' table alone, which the operations page asks for again every second or two. */
    @GetMapping("/ops/read-models")
    String readModels(Model model) {
        ops(model);
        return "ops :: readModels";
    }
}
