package org.innograph.web;

import java.util.Comparator;
import java.util.List;

import org.innograph.queries.QueryCatalogue;
import org.innograph.queries.StoredQuery;
import org.springframework.stereotype.Component;

/** The stored queries (shipped and external .rq files), offered as examples in the query editor. */
@Component
class ExampleQueries {

    record Example(String name, String summary, String text) {
    }

    private final QueryCatalogue catalogue;

    ExampleQueries(QueryCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Read per request: the catalogue picks up query files added while the service runs. */
    List<Example> all() {
        return catalogue.contents().queries().values().stream()
                .map(query -> new Example(query.name(), summary(query), query.text()))
                .sorted(Comparator.comparing(Example::summary, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    private static String summary(StoredQuery query) {
        // A federated query calls other sites: it fails where there is no internet, so say so.
        return query.federated() ? query.summary() + " (federated)" : query.summary();
    }
}
