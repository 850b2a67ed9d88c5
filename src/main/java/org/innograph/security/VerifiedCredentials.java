package org.innograph.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password check, made cheap for a client that sends the same right credentials on every request (HTTP Basic
 * has no session): bcrypt is meant to be slow, and paid on every write it costs more than the write and starves the
 * readers. A verified password's verdict is remembered briefly, as an HMAC under a key that lives only in this
 * process (so the memory holds nothing a password could be tested against offline), compared in constant time,
 * one per account, expiring after {@code innograph.security.verified-credential-ttl}. Only successes are
 * remembered: a wrong password always pays the full bcrypt check, so guessing stays as slow as before.
 */
final class VerifiedCredentials implements PasswordEncoder {

    /** Accounts are configured, so few; the bound only keeps a misconfiguration from growing the map. */
    private static final int MAX_ENTRIES = 1024;

    private final PasswordEncoder delegate;
    private final long ttlNanos;
    private final SecretKeySpec key;
    private final Map<String, Verdict> verified = new ConcurrentHashMap<>();

    private record Verdict(byte[] mac, long expiresAt) {
    }

    VerifiedCredentials(PasswordEncoder delegate, Duration ttl) {
        this.delegate = delegate;
        this.ttlNanos = ttl.toNanos();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (ttlNanos <= 0 || rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        byte[] mac = mac(rawPassword, encodedPassword);
        long now = System.nanoTime();
        Verdict known = verified.get(encodedPassword);
        if (known != null && now - known.expiresAt() < 0 && MessageDigest.isEqual(known.mac(), mac)) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
            verified.put(encodedPassword, new Verdict(mac, now + ttlNanos));
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private byte[] mac(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            hmac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return hmac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
