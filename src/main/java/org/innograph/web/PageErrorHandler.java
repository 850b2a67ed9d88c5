package org.innograph.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.query.QueryCancelledException;
import org.innograph.linkeddata.LinkedDataProperties;
import org.innograph.store.QueryCancelledByOperatorException;
import org.innograph.store.QueryRejectedException;
import org.innograph.store.StoreUnavailableException;
import org.springframework.http.HttpHeaders;
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
        return answer(e.getStatusCode(), e.getReason() != null ? e.getReason() : e.getStatusCode().toString(), request);
    }

    @ExceptionHandler(StoreUnavailableException.class)
    Object storeDown(StoreUnavailableException e, HttpServletRequest request, HttpServletResponse response) {
        // As every other endpoint says it: the store may be back shortly.
        response.setHeader(HttpHeaders.RETRY_AFTER, "10");
        return answer(HttpStatus.SERVICE_UNAVAILABLE, "The store is not reachable right now: " + e.getMessage(), request);
    }

    @ExceptionHandler(QueryRejectedException.class)
    Object busy(QueryRejectedException e, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        return answer(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), request);
    }

    @ExceptionHandler(QueryCancelledByOperatorException.class)
    Object cancelled(QueryCancelledByOperatorException e, HttpServletRequest request) {
        return answer(HttpStatus.SERVICE_UNAVAILABLE, "A query behind this page was cancelled by an operator", request);
    }

    @ExceptionHandler(QueryCancelledException.class)
    Object tooSlow(QueryCancelledException e, HttpServletRequest request) {
        return answer(HttpStatus.SERVICE_UNAVAILABLE, "A query behind this page ran over its time limit "
                + "(innograph.linked-data.query-timeout); try again or ask the query editor", request);
    }

    private static Object answer(HttpStatusCode status, String message, HttpServletRequest request) {
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
