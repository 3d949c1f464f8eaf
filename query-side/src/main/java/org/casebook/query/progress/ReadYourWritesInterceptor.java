package org.casebook.query.progress;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.casebook.query.store.ReadModelProperties;
import org.casebook.shared.refusal.Refusal;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a client read its own writes: a query given {@code ?minPosition=N} (the {@code Casebook-Position}
 * a write answered) waits until the read models have folded that event, at most
 * {@code casebook.read-models.position-wait}. If they have not by then, the query answers with what
 * there is and the header {@code Casebook-Stale: true}.
 */
@Component
public class ReadYourWritesInterceptor implements HandlerInterceptor {

    public static final String PARAMETER = "minPosition";
    public static final String STALE_HEADER = "Casebook-Stale";

    private final ProjectionProgress progress;
    private final ReadModelProperties properties;

    public ReadYourWritesInterceptor(ProjectionProgress progress, ReadModelProperties properties) {
        this.progress = progress;
        this.properties = properties;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        String value = request.getParameter(PARAMETER);
        if (value == null || value.isBlank()) {
            return true;
        }
        long position;
        try {
            position = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw Refusal.invalid("field-invalid", PARAMETER, "a whole number is expected");
        }
        if (!progress.await(position, properties.positionWait())) {
            response.setHeader(STALE_HEADER, "true");
        }
        return true;
    }
}
