package org.casebook.ops.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.casebook.shared.actor.Actor;
import org.casebook.shared.actor.Role;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What every page's frame shows: who is signed in, what they may reach, and this page in the other language. */
@ControllerAdvice(basePackageClasses = PageModel.class)
class PageModel {

    public record Person(String userId, boolean counselor, boolean director, boolean donor, boolean admin, boolean operator) {

        public boolean caseWorker() {
            return counselor || director;
        }

        public static Person of(Actor actor) {
            return new Person(actor.userId(), actor.has(Role.COUNSELOR), actor.has(Role.DIRECTOR),
                    actor.has(Role.DONOR), actor.has(Role.ADMIN), actor.has(Role.OPERATOR));
        }
    }

    @ModelAttribute("me")
    Person me(Actor actor) {
        return Person.of(actor);
    }

    /** This page's address with {@code lang} set to each language, for the switch every page has. */
    @ModelAttribute("inSpanish")
    String inSpanish(HttpServletRequest request) {
        return withLanguage(request, "es");
    }

    @ModelAttribute("inEnglish")
    String inEnglish(HttpServletRequest request) {
        return withLanguage(request, "en");
    }

    private static String withLanguage(HttpServletRequest request, String language) {
        String query = request.getQueryString();
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(query)
                .replaceQueryParam("minPosition").replaceQueryParam("lang", language).build().toUriString();
    }
}
