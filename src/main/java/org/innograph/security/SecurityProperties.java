package org.innograph.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code innograph.security.*}. There are no default credentials: until the operator sets a writer, every
 * write is refused.
 *
 * @param writer the account allowed to write
 */
@ConfigurationProperties("innograph.security")
public record SecurityProperties(@DefaultValue Writer writer) {

    /**
     * @param username the writer's user name
     * @param password the writer's password, plain or as a {@code {bcrypt}…} hash; a plain one is hashed at
     *                 start-up and only the hash is kept
     */
    public record Writer(String username, String password) {

        public boolean isConfigured() {
            return username != null && !username.isBlank() && password != null && !password.isBlank();
        }
    }
}
