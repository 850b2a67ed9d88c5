package org.innograph.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>} for scripts and pipelines that should not hold the writer's password.
 * Tokens are kept as SHA-256 hashes (they are long random strings, so a fast hash is enough) and compared in
 * constant time. A bearer token that matches none is a 401, never a silent fall-through to anonymous.
 */
final class BearerTokens extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";
    private static final String HASHED = "{sha256}";

    private final List<byte[]> hashes;
    private final String role;

    BearerTokens(List<String> configured, String role) {
        this.hashes = configured.stream().map(BearerTokens::hashOf).toList();
        this.role = role;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] presented = sha256(header.substring(PREFIX.length()).strip());
        boolean known = false;
        for (byte[] hash : hashes) {
            known |= MessageDigest.isEqual(hash, presented);
        }
        if (!known) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"InnoGraph\", error=\"invalid_token\"");
            WriteAccess.send(response, HttpStatus.UNAUTHORIZED, "The bearer token is not one of the writer's tokens "
                    + "(innograph.security.writer.tokens)");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "token", null, AuthorityUtils.createAuthorityList("ROLE_" + role)));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static byte[] hashOf(String configured) {
        if (configured.startsWith(HASHED)) {
            return HexFormat.of().parseHex(configured.substring(HASHED.length()));
        }
        return sha256(configured);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
