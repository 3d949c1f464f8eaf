package org.casebook.ops.security;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The browser's sign-in form (with the embedded sign-in), in the browser's language. Spring Security
 * posts it to {@code /login}. A plain page until the counselors' web UI brings its own.
 */
@RestController
@ConditionalOnProperty(name = "casebook.security.mode", havingValue = "embedded", matchIfMissing = true)
class SignInPage {

    @GetMapping(path = "/login", produces = "text/html;charset=UTF-8")
    String page(HttpServletRequest request, CsrfToken csrf) {
        boolean spanish = request.getLocale().getLanguage().equals(new Locale("es").getLanguage());
        boolean failed = request.getParameter("error") != null;
        String title = spanish ? "Iniciar sesión en Casebook" : "Sign in to Casebook";
        return """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8"><title>%s</title>
                <meta name="viewport" content="width=device-width, initial-scale=1"></head>
                <body><main><h1>%s</h1>%s
                <form method="post" action="/login">
                <p><label>%s <input name="username" autocomplete="username" required autofocus></label></p>
                <p><label>%s <input name="password" type="password" autocomplete="current-password" required></label></p>
                <input name="_csrf" type="hidden" value="%s">
                <p><button type="submit">%s</button></p>
                </form></main></body></html>
                """.formatted(spanish ? "es" : "en", title, title,
                failed ? "<p role=\"alert\">" + (spanish ? "El usuario o la contraseña no son correctos."
                        : "The user name or password is wrong.") + "</p>" : "",
                spanish ? "Usuario" : "User name", spanish ? "Contraseña" : "Password",
                HtmlUtils.htmlEscape(csrf.getToken()), spanish ? "Entrar" : "Sign in");
    }
}
