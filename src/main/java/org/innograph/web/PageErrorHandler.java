package org.innograph.web;

import jakarta.servlet.http.HttpServletRequest;
import org.innograph.linkeddata.LinkedDataProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the UI and its small APIs: a page naming the problem for people, plain text for programs
 * ({@code /api/…}, RDF requests that were refused).
 */
@ControllerAdvice(basePackageClasses = {PageErrorHandler.class, LinkedDataProperties.class})
class PageErrorHandler {

    @ExceptionHandler(ResponseStatusException.class)
    Object refused(ResponseStatusException e, HttpServletRequest request) {
        HttpStatusCode status = e.getStatusCode();
        String message = e.getReason() != null ? e.getReason() : status.toString();
        String accept = request.getHeader("Accept");
        boolean wantsPage = !request.getRequestURI().startsWith("/api/") && status.value() != 406
                && (accept == null || accept.contains("text/html") || accept.contains("*/*"));
        if (!wantsPage) {
            return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(message + "\n");
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        HttpStatus known = HttpStatus.resolve(status.value());
        page.addObject("error", known != null ? known.getReasonPhrase() : "");
        page.addObject("message", message);
        return page;
    }
}
