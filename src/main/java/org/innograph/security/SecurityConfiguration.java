package org.innograph.security;

import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Reads are public; everything else needs the operator's writer credentials (HTTP Basic or a bearer token),
 * whether or not anyone thought of it as a write ({@link WriteAccess}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String WRITER = "WRITER";

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, SecurityProperties properties) throws Exception {
        boolean writesEnabled = properties.writer().isConfigured();
        // CSRF tokens are for cookie sessions; here writes carry credentials on every request and cross-origin
        // requests to write paths are refused by the CORS rules.
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> cors.configurationSource(CrossOriginReads.source(properties.cors())))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(WriteAccess.entryPoint(writesEnabled)))
                .addFilterBefore(new BearerTokens(properties.writer().tokens(), SecurityConfiguration.WRITER),
                        BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(WriteAccess.entryPoint(writesEnabled))
                        .accessDeniedHandler((request, response, e) -> WriteAccess.send(response,
                                HttpStatus.FORBIDDEN, writesEnabled ? "This account may not write"
                                        : WriteAccess.WRITES_DISABLED)))
                .authorizeHttpRequests(requests -> {
                    // An error page is rendered for a request that was already let through (or refused).
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    requests.requestMatchers(WriteAccess.PUBLIC).permitAll();
                    if (writesEnabled) {
                        requests.anyRequest().hasRole(WRITER);
                    } else {
                        requests.anyRequest().denyAll();
                    }
                });
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties properties) {
        return new VerifiedCredentials(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                properties.verifiedCredentialTtl());
    }

    @Bean
    UserDetailsService users(SecurityProperties properties, PasswordEncoder encoder) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        SecurityProperties.Writer writer = properties.writer();
        if (writer.hasPassword()) {
            String password = writer.password();
            String hash = password.startsWith("{") ? password : encoder.encode(password);
            users.createUser(User.withUsername(writer.username()).password(hash).roles(WRITER).build());
        }
        return users;
    }
}
