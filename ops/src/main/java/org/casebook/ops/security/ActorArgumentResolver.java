package org.casebook.ops.security;

import org.casebook.shared.actor.Actor;
import org.casebook.shared.refusal.Refusal;
import org.casebook.shared.refusal.RefusalKind;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives controllers of both sides the signed-in {@link Actor}, whichever way they signed in. */
class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    private final JwtActors jwtActors;

    ActorArgumentResolver(JwtActors jwtActors) {
        this.jwtActors = jwtActors;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                 WebDataBinderFactory binders) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof UserAccount account) {
            return account.actor();
        }
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return jwtActors.actor(jwt.getToken());
        }
        throw new Refusal(RefusalKind.UNAUTHENTICATED, "unauthenticated", null);
    }
}
