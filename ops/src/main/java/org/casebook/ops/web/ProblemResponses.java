package org.casebook.ops.web;

import java.util.Locale;

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
        Refusal cause = Problems.refusalIn(e);
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
        return problem(Problems.ofUnreadable(e, locale()));
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
            case 413 -> "upload-too-large";
            case 415 -> "media-type-unsupported";
            default -> "malformed-request";
        };
        return problem(status, code, Refusal.message(code, locale()), null);
    }

    private ResponseEntity<Object> invalidField(String field, String expectation) {
        return problem(Problems.invalidField(field, expectation, locale()));
    }

    private static ResponseEntity<Object> problem(HttpStatusCode status, String code, String detail, String field) {
        return problem(Problems.of(status, code, detail, field));
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
