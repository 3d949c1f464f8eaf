package org.casebook.ops.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.casebook.shared.refusal.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal leaves as RFC 9457 problem details with a stable {@code code} and a {@code detail} in
 * the request's language (Accept-Language: Spanish or English). Bad input is a 400 that names the
 * field; a broken rule a 422; an unknown engagement a 404; a lost race a 409. Anything unforeseen is a
 * 500 that says nothing of the inside; the log has the rest, under the request's correlation id.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(Refusal.class)
    ResponseEntity<Object> refusal(Refusal refusal) {
        return problem(Problems.of(refusal, locale()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> badParameter(MethodArgumentTypeMismatchException e) {
        Refusal cause = refusalIn(e);
        if (cause != null) {
            return refusal(cause);
        }
        return invalidField(e.getName(), "a value of the right type is expected");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unforeseen(Exception e) {
        LOG.error("Unforeseen failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                Refusal.message("internal-error", locale()), null);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Refusal cause = refusalIn(e);
        Throwable json = e.getCause();
        if (cause != null) {
            String field = json instanceof JsonMappingException mapping ? pathOf(mapping, cause.field()) : cause.field();
            return refusal(cause.atField(field));
        }
        if (json instanceof InvalidFormatException format) {
            return invalidField(pathOf(format, null), expectation(format));
        }
        if (json instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return invalidField(pathOf(mismatch, null), "a value of another type is expected");
        }
        if (json instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return invalidField(pathOf(mapping, null), mapping.getOriginalMessage());
        }
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", Refusal.message("malformed-request", locale()), null);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "field-required",
                Refusal.message("field-required", locale(), e.getParameterName()), e.getParameterName());
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        return invalidField(e.getPropertyName(), "a value of the right type is expected");
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        // Whatever else Spring MVC refuses keeps its status, in the same shape as every other refusal.
        if (status.is5xxServerError()) {
            return unforeseen(e);
        }
        String code = switch (status.value()) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "media-type-unsupported";
            default -> "malformed-request";
        };
        return problem(status, code, Refusal.message(code, locale()), null);
    }

    private ResponseEntity<Object> invalidField(String field, String expectation) {
        return problem(HttpStatus.BAD_REQUEST, "field-invalid",
                Refusal.message("field-invalid", locale(), field, expectation), field);
    }

    private static ResponseEntity<Object> problem(HttpStatusCode status, String code, String detail, String field) {
        return problem(Problems.of(status, code, detail, field));
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static Refusal refusalIn(Throwable e) {
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

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
