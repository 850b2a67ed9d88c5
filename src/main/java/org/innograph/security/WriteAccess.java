package org.innograph.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which requests anyone may send, and what a client that may not write is told. Fail-closed: a request is public
 * only when listed here, so an endpoint added later needs credentials for everything but reading.
 */
final class WriteAccess {

    private WriteAccess() {
    }

    /**
     * POSTs that only read: the SPARQL 1.1 Protocol's query by POST (form or {@code application/sparql-query}),
     * at each name clients derive from the endpoint. The paths are compared exactly, before any decoding, so
     * another spelling of them is not public.
     */
    static final Set<String> READING_POSTS = Set.of("/sparql", "/sparql/query", "/sparql/sparql");

    /** GET, HEAD and OPTIONS anywhere but {@code /admin}, and the reading POSTs; nothing else. */
    static final RequestMatcher PUBLIC = request -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        if (path.startsWith("/admin")) {
            return false;
        }
        if (HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method) || HttpMethod.OPTIONS.matches(method)) {
            return true;
        }
        return HttpMethod.POST.matches(method) && READING_POSTS.contains(path);
    };

    /** 401 with a challenge when writes are enabled; 403 saying how to enable them when they are not. */
    static AuthenticationEntryPoint entryPoint(boolean writesEnabled) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            if (writesEnabled) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"InnoGraph\", charset=\"UTF-8\"");
                send(response, HttpStatus.UNAUTHORIZED, "This request writes: send the writer's credentials "
                        + "(HTTP Basic)");
            } else {
                send(response, HttpStatus.FORBIDDEN, WRITES_DISABLED);
            }
        };
    }

    static final String WRITES_DISABLED = "Writes are disabled because no writer credentials are configured. "
            + "Set INNOGRAPH_SECURITY_WRITER_USERNAME and INNOGRAPH_SECURITY_WRITER_PASSWORD "
            + "(innograph.security.writer.username / .password) and restart to enable them.";

    static void send(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.TEXT_PLAIN_VALUE + ";charset=utf-8");
        response.getWriter().write(message + "\n");
    }
}
