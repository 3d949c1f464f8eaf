package org.casebook.ops.pages;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * Which language a request is answered in. The API answers in the request's {@code Accept-Language}, as
 * its contract says. A page answers in {@code ?lang=} when given (and remembers it for the person), else
 * in the person's saved choice, else in the choice made on this browser before signing in (a cookie),
 * else in the browser's {@code Accept-Language}; Spanish or English.
 */
class PersonLocaleResolver implements LocaleResolver {

    private static final String CHOSEN = PersonLocaleResolver.class.getName() + ".chosen";
    /** The language chosen on this browser by someone not signed in (at the sign-in page). */
    static final String COOKIE = "casebook-lang";

    private final PersonLanguages languages;
    private final AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();

    PersonLocaleResolver(PersonLanguages languages) {
        this.languages = languages;
        browser.setSupportedLocales(List.of(PersonLanguages.ENGLISH, PersonLanguages.SPANISH));
        browser.setDefaultLocale(PersonLanguages.ENGLISH);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Object chosen = request.getAttribute(CHOSEN);
        if (chosen instanceof Locale locale) {
            return locale;
        }
        Locale locale = PersonLanguages.supported(browser.resolveLocale(request));
        if (!isApi(request)) {
            locale = cookie(request).orElse(locale);
            String person = signedIn();
            if (person != null) {
                locale = languages.chosenBy(person).orElse(locale);
            }
        }
        request.setAttribute(CHOSEN, locale);
        return locale;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale language = PersonLanguages.supported(locale);
        request.setAttribute(CHOSEN, language);
        if (isApi(request)) {
            return;
        }
        String person = signedIn();
        if (person != null) {
            languages.choose(person, language);
        } else if (response != null) {
            jakarta.servlet.http.Cookie chosen = new jakarta.servlet.http.Cookie(COOKIE, language.getLanguage());
            chosen.setPath("/");
            chosen.setHttpOnly(true);
            chosen.setMaxAge((int) java.time.Duration.ofDays(365).toSeconds());
            chosen.setAttribute("SameSite", "Lax");
            response.addCookie(chosen);
        }
    }

    private static java.util.Optional<Locale> cookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Arrays.stream(request.getCookies()).filter(cookie -> COOKIE.equals(cookie.getName()))
                .map(cookie -> PersonLanguages.supported(Locale.forLanguageTag(cookie.getValue()))).findFirst();
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/api/") || path.startsWith("/actuator/");
    }

    private static String signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated() ? null : authentication.getName();
    }
}
