package org.casebook.ops.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.casebook.shared.refusal.Refusal;
import org.casebook.shared.refusal.RefusalKind;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * 401 and 403 as problem details. A browser that asks for a page (not the API) is sent to the sign-in
 * form instead, where there is one.
 */
final class RefusingEntryPoints implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemWriter problems;
    private final String challenge;
    private final LoginUrlAuthenticationEntryPoint loginForm;

    /**
     * @param challenge the {@code WWW-Authenticate} challenge: Basic for Casebook's own users, Bearer for JWTs
     * @param withLoginForm whether pages send browsers to the sign-in form
     */
    RefusingEntryPoints(ProblemWriter problems, String challenge, boolean withLoginForm) {
        this.problems = problems;
        this.challenge = challenge;
        this.loginForm = withLoginForm ? new LoginUrlAuthenticationEntryPoint("/login") : null;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, jakarta.servlet.ServletException {
        if (loginForm != null && wantsAPage(request)) {
            loginForm.commence(request, response, e);
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        String code = e instanceof BadCredentialsException ? "sign-in-failed" : "unauthenticated";
        problems.write(request, response, new Refusal(RefusalKind.UNAUTHENTICATED, code, null));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException, jakarta.servlet.ServletException {
        Authentication person = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = person != null && !(person instanceof AnonymousAuthenticationToken);
        if (loginForm != null && signedIn && wantsAPage(request)) {
            // A person at a page reads the refusal as a page, in their language (the error page).
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (e instanceof CsrfException) {
            if (!signedIn) {
                // Nobody is signed in: that, not the missing form token, is what the caller must fix.
                commence(request, response, new InsufficientAuthenticationException(e.getMessage()));
                return;
            }
            problems.write(request, response, new Refusal(RefusalKind.FORBIDDEN, "csrf-token-invalid", null));
            return;
        }
        problems.write(request, response, new Refusal(RefusalKind.FORBIDDEN, "forbidden", null));
    }

    private static boolean wantsAPage(HttpServletRequest request) {
        String path = request.getRequestURI();
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !path.startsWith("/api/") && !path.startsWith("/actuator/") && accept != null
                && accept.contains("text/html");
    }
}
