package org.innograph.queries;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /api/queries}: every stored query with its parameters, and the files that were skipped. */
record CatalogueJson(List<Entry> queries, List<QueryFileProblem> skipped) {

    /**
     * @param path    where to run it, relative to the service
     * @param perPage the default page size, for SELECT queries
     * @param sparql  the file as written, so a researcher can read the query and change it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String name, String summary, String description, List<String> tags, String form,
                 boolean federated, String origin, String path, @JsonProperty("per_page") Integer perPage,
                 List<Parameter> parameters, String sparql) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Parameter(String name, String type, boolean required, boolean multi,
                     @JsonProperty("default") String defaultValue, List<String> values, String description,
                     String expects) {
    }

    static CatalogueJson of(QueryCatalogue.Contents contents, QueriesProperties properties) {
        List<Entry> entries = contents.queries().values().stream().map(query -> new Entry(query.name(),
                query.summary(), query.description(), query.tags(), query.form(), query.federated(), query.origin(),
                "/api/queries/" + query.name(),
                query.paged() ? (query.pageSize() != null ? query.pageSize() : properties.defaultPerPage()) : null,
                query.parameters().stream().map(p -> new Parameter(p.name(), p.type().headerName(), p.required(),
                        p.multi(), p.defaultValue(), p.allowedValues().isEmpty() ? null : p.allowedValues(),
                        p.description(), p.expects())).toList(),
                query.text())).toList();
        return new CatalogueJson(entries, contents.skipped());
    }
}
