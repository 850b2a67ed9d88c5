package org.innograph.federation;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateModify;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateRequest;

/**
 * Decides which remote endpoints a query or update may reach. Everything not on the allow-list is refused,
 * and the refusal names why: a scheme other than http(s), an address on this machine or a private network,
 * a link-local address (where cloud metadata services live), or simply not being on the list. An operator
 * may deliberately allow-list any address, including a local one.
 */
public final class FederationPolicy {

    static final String ALLOW_LIST = "innograph.federation.allowed-endpoints";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<URI> allowed;

    public FederationPolicy(List<URI> allowedEndpoints) {
        this.allowed = List.copyOf(allowedEndpoints);
    }

    public List<URI> allowedEndpoints() {
        return allowed;
    }

    /** Refuses a query with a SERVICE outside the allow-list, wherever it sits (sub-queries, EXISTS, …). */
    public void check(Query query) {
        checkPattern(Algebra.compile(query));
    }

    /** Refuses an update whose LOAD or WHERE clauses would reach outside the allow-list. */
    public void check(UpdateRequest request) {
        for (Update operation : request.getOperations()) {
            if (operation instanceof UpdateLoad load) {
                checkEndpoint("LOAD", load.getSource());
            }
            if (operation instanceof UpdateModify modify && modify.getWherePattern() != null) {
                checkPattern(Algebra.compile(modify.getWherePattern()));
            }
        }
    }

    public void checkService(Node endpoint) {
        if (!endpoint.isURI()) {
            throw new FederationRefusedException("SERVICE " + endpoint + " is refused: the endpoint of a SERVICE must "
                    + "be an IRI written in the query, not a variable, so that it can be checked against " + ALLOW_LIST);
        }
        checkEndpoint("SERVICE", endpoint.getURI());
    }

    /** @param what "SERVICE" or "LOAD", for the message */
    public void checkEndpoint(String what, String target) {
        URI uri;
        try {
            uri = new URI(target);
        } catch (Exception e) {
            throw refused(what, target, "it is not a valid URL");
        }
        if (isAllowed(uri)) {
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused(what, target, "only http and https endpoints are ever reached ("
                    + (scheme.isEmpty() ? "no scheme" : scheme + ":") + " is not)");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        InetAddress address = literalAddress(host);
        if (host.isEmpty()) {
            throw refused(what, target, "it names no host");
        }
        if (host.equals("localhost") || host.endsWith(".localhost")
                || address != null && (address.isLoopbackAddress() || address.isAnyLocalAddress())) {
            throw refused(what, target, "loopback addresses (this machine) are never reached");
        }
        if (address != null && address.isLinkLocalAddress()) {
            throw refused(what, target, "link-local addresses (such as cloud metadata services) are never reached");
        }
        if (address != null && isPrivate(address)) {
            throw refused(what, target, "private network addresses are never reached");
        }
        throw refused(what, target, "it is not on the allow-list");
    }

    boolean isAllowed(URI uri) {
        return allowed.stream().anyMatch(entry -> matches(entry, uri));
    }

    /** Same scheme, host and port; the path equals the entry's or continues it after a '/'. */
    private static boolean matches(URI entry, URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null || uri.getUserInfo() != null
                || !entry.getScheme().equalsIgnoreCase(uri.getScheme())
                || !entry.getHost().equalsIgnoreCase(uri.getHost()) || port(entry) != port(uri)) {
            return false;
        }
        String prefix = entry.getPath() == null || entry.getPath().isEmpty() ? "/" : entry.getPath();
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        if (path.contains("/../") || path.endsWith("/..")) {
            return false;
        }
        return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private FederationRefusedException refused(String what, String target, String rule) {
        return new FederationRefusedException(what + " <" + target + "> is refused: " + rule + ". Only the endpoints "
                + "in " + ALLOW_LIST + " are reached: " + allowed.stream().map(URI::toString)
                .collect(Collectors.joining(", ")));
    }

    /** Only IP literals are interpreted (no DNS lookup here: names are only ever allowed by the list). */
    private static InetAddress literalAddress(String host) {
        try {
            if (IPV4.matcher(host).matches() || host.startsWith("[") || host.contains(":")) {
                return InetAddress.getByName(host);
            }
        } catch (UnknownHostException e) {
            // not a literal after all
        }
        return null;
    }

    private static boolean isPrivate(InetAddress address) {
        if (address.isSiteLocalAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            // 100.64.0.0/10 (carrier-grade NAT) is private in practice too.
            return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        }
        // fc00::/7, unique local IPv6 addresses
        return address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
    }

    private void checkPattern(Op op) {
        OpVisitorBase services = new OpVisitorBase() {
            @Override
            public void visit(OpService service) {
                checkService(service.getService());
            }
        };
        // The expression visitor reaches the patterns inside EXISTS and NOT EXISTS.
        Walker.walk(op, services, new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionOp function) {
                if (function.getGraphPattern() != null) {
                    checkPattern(function.getGraphPattern());
                }
            }
        });
    }
}
