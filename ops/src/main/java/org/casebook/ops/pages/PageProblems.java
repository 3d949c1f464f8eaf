package org.casebook.ops.pages;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.casebook.ops.web.Problems;
import org.casebook.shared.refusal.Refusal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A page that cannot be shown (an engagement that is not the reader's, say) says so as a page, in the person's language. */
@ControllerAdvice(basePackageClasses = PageProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProblems {

    @ExceptionHandler(Refusal.class)
    String refused(Refusal refusal, Locale locale, Model model, HttpServletResponse response) {
        ProblemDetail problem = Problems.of(refusal, locale);
        response.setStatus(problem.getStatus());
        model.addAttribute("problem", problem);
        return "problem";
    }
}
