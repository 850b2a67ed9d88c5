package org.innograph.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.innograph.linkeddata.LinkedDataProperties;
import org.innograph.problems.Failure;
import org.innograph.problems.Failures;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the UI and the linked-data pages, described by {@link Failures} like everywhere else: one error page
 * for people, problem details for the UI's small JSON APIs ({@code /api/…}), plain text for RDF requests.
 */
@ControllerAdvice(basePackageClasses = {PageErrorHandler.class, LinkedDataProperties.class})
class PageErrorHandler {

    private final Failures failures;

    PageErrorHandler(Failures failures) {
        this.failures = failures;
    }

    @ExceptionHandler(Throwable.class)
    Object failed(Throwable e, HttpServletRequest request, HttpServletResponse response) {
        Failure failure = failures.describe(e);
        String accept = request.getHeader("Accept");
        if (request.getRequestURI().startsWith("/api/")) {
            return ResponseEntity.status(failure.status()).headers(failure.headers()).body(failure.problem());
        }
        boolean wantsPage = failure.status().value() != 406
                && (accept == null || accept.contains("text/html") || accept.contains("*/*"));
        if (!wantsPage) {
            return ResponseEntity.status(failure.status()).headers(failure.headers()).contentType(MediaType.TEXT_PLAIN)
                    .body(failure.detail() + "\n");
        }
        failure.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        ModelAndView page = new ModelAndView("error");
        page.setStatus(failure.status());
        page.addObject("status", failure.status().value());
        HttpStatus known = HttpStatus.resolve(failure.status().value());
        page.addObject("error", known != null ? known.getReasonPhrase() : failure.title());
        page.addObject("message", failure.detail());
        return page;
    }
}
