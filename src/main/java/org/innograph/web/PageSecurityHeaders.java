package org.innograph.web;

import jakarta.servlet.http.HttpServletResponse;
import org.innograph.linkeddata.LinkedDataProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * A second line behind escaping: pages may run only scripts served by us, never inline ones, so a value that
 * slipped into the HTML unescaped still could not execute. The query editor may send queries anywhere (a
 * researcher may point it at another endpoint), and Leaflet and YASGUI set inline styles.
 */
@ControllerAdvice(basePackageClasses = {PageSecurityHeaders.class, LinkedDataProperties.class})
class PageSecurityHeaders {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src *; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'self'";

    @ModelAttribute
    void headers(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
    }
}
