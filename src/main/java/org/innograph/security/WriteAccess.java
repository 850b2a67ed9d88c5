package org.innograph.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** Which requests write, and what a client that may not write is told. */
final class WriteAccess {

    private WriteAccess() {
    }

    static final RequestMatcher WRITES = request -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        boolean safe = HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method)
                || HttpMethod.OPTIONS.matches(method);
        if (path.startsWith("/admin")) {
            return true;
        }
        if (safe) {
            return false;
        }
        // POST to /sparql is a query (the protocol's POST form), not a write.
        return path.equals("/sparql/update") || path.startsWith("/sparql/data") || path.startsWith("/api/imports");
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
