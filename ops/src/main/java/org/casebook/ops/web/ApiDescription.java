package org.casebook.ops.web;

import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.casebook.shared.actor.Actor;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /v3/api-docs} (and as a page at {@code /swagger-ui.html}):
 * generated from the controllers, with the examples of the API contract added here, so that the two
 * sides stay free of documentation annotations.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDescription {

    private static final String E = "/api/engagements/{id}";

    static {
        // The signed-in actor reaches controllers from the security context, not from the request.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    /** Request examples by "METHOD path". */
    static final Map<String, String> REQUESTS = Map.ofEntries(
            Map.entry("POST /api/engagements", """
                    {"centerId": "HN-TGU-01", "counselorId": "ana.lopez", "intakeDate": "2026-03-02",
                     "enterprise": {"name": "Panadería La Esperanza", "taxId": "08011999123456", "country": "HN",
                                    "sector": "1071", "stage": "IN_BUSINESS", "legalForm": "SOLE_PROPRIETOR"},
                     "owner": {"name": "María Fernández", "gender": "FEMALE", "birthYear": 1985},
                     "contact": {"email": "maria@example.org", "phone": "+504 9999-0000"},
                     "referralSource": "RADIO", "consents": {"shareWithFunders": true, "surveys": false},
                     "baseline": {"fullTimeEmployees": 2, "partTimeEmployees": 1,
                                  "annualSales": {"amount": "350000.00", "currency": "HNL"}},
                     "programmes": ["DINAMICA"], "needs": ["FINANCE", "MARKETING"]}"""),
            Map.entry("POST " + E + "/sessions", """
                    {"date": "2026-03-09", "counselorId": "ana.lopez", "type": "IN_PERSON", "area": "FINANCE",
                     "contactMinutes": 90, "prepMinutes": 30, "travelMinutes": 0, "programme": "DINAMICA",
                     "participants": 1, "notes": "Cash-flow plan for the bank."}"""),
            Map.entry("POST " + E + "/sessions/{sessionId}/correction", """
                    {"date": "2026-03-10", "counselorId": "ana.lopez", "type": "VIDEO", "area": "FINANCE",
                     "contactMinutes": 75, "prepMinutes": 15, "travelMinutes": 0, "programme": "DINAMICA",
                     "notes": "Cash-flow plan for the bank.", "reason": "Held by video, a day later"}"""),
            Map.entry("POST " + E + "/sessions/{sessionId}/void", "{\"reason\": \"Logged twice\"}"),
            Map.entry("POST " + E + "/financing", """
                    {"instrument": "LOAN", "source": "Banco Atlántida",
                     "amount": {"amount": "120000.00", "currency": "HNL"}, "dateObtained": "2026-05-20"}"""),
            Map.entry("POST " + E + "/jobs",
                    "{\"date\": \"2026-06-30\", \"fullTimeCreated\": 2, \"partTimeCreated\": 1, \"retained\": 3}"),
            Map.entry("POST " + E + "/sales-increases", """
                    {"periodStart": "2026-01-01", "periodEnd": "2026-06-30",
                     "baselineSales": {"amount": "175000.00", "currency": "HNL"},
                     "newSales": {"amount": "240000.00", "currency": "HNL"}}"""),
            Map.entry("POST " + E + "/business-starts", "{\"date\": \"2026-04-15\", \"registrationNumber\": \"RM-2026-0042\"}"),
            Map.entry("POST " + E + "/formalizations", "{\"date\": \"2026-04-20\", \"registrationKind\": \"RTN\"}"),
            Map.entry("POST " + E + "/results/{resultId}/correction", """
                    {"kind": "JOBS", "date": "2026-06-30", "fullTimeCreated": 1, "partTimeCreated": 1, "retained": 3,
                     "reason": "One full-time job was seasonal"}"""),
            Map.entry("POST " + E + "/results/{resultId}/attestation", """
                    {"method": "SIGNED_FORM", "evidenceRef": "forms/2026/0042.pdf",
                     "evidenceSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                     "date": "2026-05-25"}"""),
            Map.entry("POST " + E + "/results/{resultId}/verification", "{}"),
            Map.entry("POST " + E + "/results/{resultId}/rejection", "{\"reason\": \"The form is not signed\"}"),
            Map.entry("POST " + E + "/results/{resultId}/withdrawal", "{\"reason\": \"The client asked\"}"),
            Map.entry("POST " + E + "/results/{resultId}/reopening", "{\"reason\": \"The bank revised the amount\"}"),
            Map.entry("POST " + E + "/transfer",
                    "{\"toCenterId\": \"HN-SPS-01\", \"counselorId\": \"jose.diaz\", \"effectiveDate\": \"2026-06-10\"}"),
            Map.entry("POST " + E + "/close", "{\"reason\": \"COMPLETED\", \"note\": \"Loan obtained\"}"),
            Map.entry("POST " + E + "/reopen", "{\"reason\": \"The client came back\"}"),
            Map.entry("POST " + E + "/counselor", "{\"counselorId\": \"jose.diaz\"}"),
            Map.entry("PUT /api/admin/centers/{centerId}", "{\"name\": \"CDE-MIPYME Región Centro\", \"country\": \"HN\"}"),
            Map.entry("PUT /api/admin/programmes/{code}", "{\"name\": \"DINAMICA\", \"funder\": \"CABEI\"}"),
            Map.entry("POST /api/admin/users", """
                    {"username": "ana.lopez", "password": "a-long-password", "roles": ["COUNSELOR"],
                     "centers": ["HN-TGU-01"], "programmes": []}"""));

    static final String REFUSAL = """
            {"type": "about:blank", "title": "Unprocessable Entity", "status": 422, "code": "date-before-intake",
             "field": "date", "detail": "The date in \\"date\\" (2026-03-01) is before the intake date (2026-03-02).",
             "instance": "/api/engagements/0b0e.../sessions"}""";

    @Bean
    public OpenAPI casebookApi() {
        return new OpenAPI()
                .info(new Info().title("Casebook").version("1")
                        .description("Case management for MSME service centers. Writes answer Casebook-Position; "
                                + "a read given ?minPosition= waits until the read models reach it. Refusals are "
                                + "RFC 9457 problem details with a stable code, in the language of Accept-Language."))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    public OpenApiCustomizer contractExamples() {
        return api -> api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String example = REQUESTS.get(method.name() + " " + path);
            if (example != null && operation.getRequestBody() != null) {
                operation.getRequestBody().getContent().values()
                        .forEach(media -> media.addExamples("contract", new Example().value(example)));
            }
            refusal(operation);
        }));
    }

    private static void refusal(Operation operation) {
        operation.getResponses().addApiResponse("422", new ApiResponse()
                .description("Refused: a rule is broken (400 bad input, 401, 403, 404, 409 likewise)")
                .content(new Content().addMediaType("application/problem+json",
                        new MediaType().addExamples("refusal", new Example().value(REFUSAL)))));
    }
}
