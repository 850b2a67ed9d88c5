package org.innograph.security;

import static org.innograph.settings.SettingChecks.noBlankEntry;
import static org.innograph.settings.SettingChecks.notNegative;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code innograph.security.*}. There are no default credentials: until the operator sets a writer, every
 * write is refused.
 *
 * @param writer                the account allowed to write
 * @param cors                  which browser origins may read
 * @param verifiedCredentialTtl how long a password that passed the bcrypt check is taken as checked when the
 *                              same client sends it again ({@code 0s}: check every request); wrong passwords are
 *                              always checked in full
 */
@ConfigurationProperties("innograph.security")
public record SecurityProperties(@DefaultValue Writer writer, @DefaultValue Cors cors,
                                 @DefaultValue("60s") Duration verifiedCredentialTtl) {

    public SecurityProperties {
        notNegative("innograph.security.verified-credential-ttl", verifiedCredentialTtl);
    }

    /**
     * @param allowedOrigins origins whose pages may read {@code /sparql} and {@code /api/**} from a browser
     *                       (GET, HEAD, OPTIONS, without credentials); {@code *} for any. Writes are never
     *                       allowed cross-origin.
     */
    public record Cors(@DefaultValue("*") List<String> allowedOrigins) {

        public Cors {
            noBlankEntry("innograph.security.cors.allowed-origins", allowedOrigins);
        }
    }

    /**
     * @param username the writer's user name
     * @param password the writer's password, plain or as a {@code {bcrypt}…} hash; a plain one is hashed at
     *                 start-up and only the hash is kept
     * @param tokens   bearer tokens that also write ({@code Authorization: Bearer …}), each plain or as
     *                 {@code {sha256}hex}; plain ones are hashed at start-up
     */
    public record Writer(String username, String password, @DefaultValue List<String> tokens) {

        public Writer {
            noBlankEntry("innograph.security.writer.tokens", tokens);
        }

        public boolean hasPassword() {
            return username != null && !username.isBlank() && password != null && !password.isBlank();
        }

        public boolean isConfigured() {
            return hasPassword() || !tokens.isEmpty();
        }
    }
}
