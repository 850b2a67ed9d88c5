package org.innograph.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.innograph.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Security is fail-closed: every path any handler mapping serves (our controllers, actuator, static resources,
 * error pages, whatever a dependency registers) refuses every method but GET, HEAD and OPTIONS to a client
 * without credentials, whatever the body; only the SPARQL query by POST (form or application/sparql-query),
 * which only reads, is public. A handler added later is covered without touching this test.
 */
class FailClosedSecurityTest extends HardenedServer {

    static final Set<String> QUERY_PATHS = Set.of("/sparql", "/sparql/query", "/sparql/sparql");
    static final List<String> UNSAFE_METHODS = List.of("POST", "PUT", "DELETE", "PATCH");

    @Autowired
    ApplicationContext context;

    @Test
    void everyMappedPathRefusesEveryUnsafeMethodWithoutCredentials() {
        Set<String> paths = mappedPaths();
        assertThat(paths).as("the walk found our endpoints and actuator's")
                .contains("/sparql", "/sparql/update", "/sparql/data", "/api/imports", "/admin/queries/x",
                        "/actuator/health", "/actuator/prometheus");
        long before = triples();
        List<String> open = new ArrayList<>();
        for (String path : paths) {
            for (String method : UNSAFE_METHODS) {
                for (String[] body : List.of(new String[] {"application/sparql-update", "CLEAR ALL"},
                        new String[] {"text/turtle", "<urn:a> <urn:b> <urn:c> ."},
                        new String[] {"application/json", "{}"})) {
                    HttpResponse<String> response = http.send(http.request(path).header("Content-Type", body[0])
                            .method(method, HttpRequest.BodyPublishers.ofString(body[1])));
                    if (response.statusCode() != 401 && response.statusCode() != 403) {
                        open.add(method + " " + path + " (" + body[0] + ") -> " + response.statusCode());
                    }
                }
            }
        }
        assertThat(open).as("anonymous unsafe requests that were not refused").isEmpty();
        assertThat(triples()).isEqualTo(before);
    }

    @Test
    void onlyTheQueryByPostIsPublicAndTheSafeMethodsStayPublicExceptForAdmin() {
        for (String path : QUERY_PATHS) {
            assertThat(http.post(path, "application/sparql-query", "ASK {}", false).statusCode()).as(path)
                    .isEqualTo(200);
            assertThat(http.post(path, "application/x-www-form-urlencoded; charset=UTF-8",
                    "query=" + Http.encode("ASK {}"), false).statusCode()).as(path).isEqualTo(200);
            // An update sent as a form to the query endpoint is public to send, and refused without writing.
            assertThat(http.post(path, "application/x-www-form-urlencoded",
                    "update=" + Http.encode("CLEAR ALL"), false).statusCode()).as(path).isEqualTo(400);
        }
        assertThat(triples()).isPositive();
        assertThat(http.get("/sparql/data?graph=" + Http.encode("https://w3id.org/innograph/graph/practices"), null)
                .statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(http.get("/admin/queries", null).statusCode()).isEqualTo(401);
    }

    /** Every path pattern of every handler mapping, made concrete (variables and wildcards filled in). */
    private Set<String> mappedPaths() {
        Set<String> patterns = new TreeSet<>();
        for (Map.Entry<String, HandlerMapping> bean : context.getBeansOfType(HandlerMapping.class).entrySet()) {
            HandlerMapping mapping = bean.getValue();
            if (mapping instanceof RequestMappingInfoHandlerMapping methods) {
                for (RequestMappingInfo info : methods.getHandlerMethods().keySet()) {
                    patterns.addAll(info.getPatternValues());
                }
            } else if (mapping instanceof AbstractUrlHandlerMapping urls) {
                patterns.addAll(urls.getHandlerMap().keySet());
            } else if (mapping instanceof RouterFunctionMapping functions) {
                assertThat(functions.getRouterFunction()).as("router functions: teach this test to walk them")
                        .isNull();
            } else {
                throw new AssertionError("Handler mapping " + bean.getKey() + " (" + mapping.getClass().getName()
                        + ") is of a kind this test cannot walk yet: teach it, so its paths are checked too");
            }
        }
        Set<String> paths = new TreeSet<>();
        for (String pattern : patterns) {
            paths.add(pattern.replaceAll("\\{[^}]*}", "x").replace("**", "x").replace("*", "x"));
        }
        return paths;
    }
}
