package org.casebook.ops.web;

import java.util.Locale;

import org.casebook.shared.refusal.Refusal;
import org.casebook.shared.refusal.RefusalKind;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** The one shape of every refusal: RFC 9457 problem details with a stable {@code code}. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(HttpStatus.valueOf(status.value()).getReasonPhrase());
        problem.setProperty("code", code);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    public static ProblemDetail of(Refusal refusal, Locale locale) {
        return of(statusOf(refusal.kind()), refusal.code(), refusal.message(locale), refusal.field());
    }

    public static HttpStatus statusOf(RefusalKind kind) {
        return switch (kind) {
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case TOO_MANY_ATTEMPTS -> HttpStatus.TOO_MANY_REQUESTS;
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case RULE_BROKEN -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }
}
