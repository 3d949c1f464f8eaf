package org.casebook.ops.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

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

    /**
     * A request body that could not be read as the request it should be: the refusal a value type made
     * while it was read (at the full path of its field), a value of the wrong kind, or else a malformed
     * request. The API answers it; the pages show it beside the field.
     */
    public static ProblemDetail ofUnreadable(Throwable unreadable, Locale locale) {
        Refusal cause = refusalIn(unreadable);
        Throwable json = unreadable instanceof JsonMappingException ? unreadable : unreadable.getCause();
        if (cause != null) {
            String field = json instanceof JsonMappingException mapping ? pathOf(mapping, cause.field()) : cause.field();
            return of(cause.atField(field), locale);
        }
        if (json instanceof InvalidFormatException format) {
            return invalidField(pathOf(format, null), expectation(format), locale);
        }
        if (json instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return invalidField(pathOf(mismatch, null), "a value of another type is expected", locale);
        }
        if (json instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return invalidField(pathOf(mapping, null), mapping.getOriginalMessage(), locale);
        }
        return of(HttpStatus.BAD_REQUEST, "malformed-request", Refusal.message("malformed-request", locale), null);
    }

    public static ProblemDetail invalidField(String field, String expectation, Locale locale) {
        return of(HttpStatus.BAD_REQUEST, "field-invalid", Refusal.message("field-invalid", locale, field, expectation),
                field);
    }

    static Refusal refusalIn(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refusal refusal) {
                return refusal;
            }
        }
        return null;
    }

    /**
     * The dotted path of the JSON field at fault, as the client wrote it: {@code baseline.annualSales.currency}.
     * A refusal from a value type knows only its own field; the path says where that value sat.
     */
    private static String pathOf(JsonMappingException e, String innerField) {
        String path = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (innerField == null || path.isEmpty()) {
            return innerField == null ? path : innerField;
        }
        return path.endsWith(innerField) ? path : path + "." + innerField;
    }

    private static String expectation(InvalidFormatException e) {
        Class<?> target = e.getTargetType();
        if (target != null && target.isEnum()) {
            return "one of " + Arrays.stream(target.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        String value = String.valueOf(e.getValue());
        return target == null ? value : "\"" + value + "\" is not a " + target.getSimpleName();
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
