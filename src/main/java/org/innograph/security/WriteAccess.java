package org.innograph.security;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
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
     * Where a POST may be a query: the SPARQL 1.1 Protocol's query by POST, at each name clients derive from the
     * endpoint. The paths are compared exactly, before any decoding, so another spelling of them is not public.
     */
    static final Set<String> QUERY_PATHS = Set.of("/sparql", "/sparql/query", "/sparql/sparql");

    /**
     * The bodies a query by POST comes in. The same paths also take updates and Graph Store writes (a client
     * that treats one URL as the whole dataset, as Jena's {@code RDFConnection.connect(url)} does); those have
     * other media types and need credentials.
     */
    private static final List<MediaType> QUERY_BODIES = List.of(MediaType.APPLICATION_FORM_URLENCODED,
            MediaType.parseMediaType("application/sparql-query"));

    /** GET, HEAD and OPTIONS anywhere but {@code /admin}, and a query by POST; nothing else. */
    static final RequestMatcher PUBLIC = request -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        if (path.startsWith("/admin")) {
            return false;
        }
        if (HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method) || HttpMethod.OPTIONS.matches(method)) {
            return true;
        }
        return HttpMethod.POST.matches(method) && QUERY_PATHS.contains(path) && isQueryBody(request.getContentType());
    };

    private static boolean isQueryBody(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        try {
            // Type and subtype only: a charset Spring does not know must reach the controller, which names it (415).
            MediaType type = MediaType.parseMediaType(contentType.split(";", 2)[0]);
            return QUERY_BODIES.stream().anyMatch(type::equalsTypeAndSubtype);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** 401 with a challenge when writes are enabled; 403 saying how to enable them when they are not. */
    static AuthenticationEntryPoint entryPoint(boolean writesEnabled) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            if (writesEnabled) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"InnoGraph\", charset=\"UTF-8\"");
                send(response, HttpStatus.UNAUTHORIZED, "This request needs the writer's credentials (HTTP Basic "
                        + "or a bearer token): only GET, HEAD, OPTIONS and SPARQL queries sent by POST (a form or "
                        + "application/sparql-query) are public");
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
