package org.innograph.ingest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One import as its provenance records it: a named graph {@code https://w3id.org/innograph/graph/import/{id}}.
 *
 * @param triples the triples of the batch's content, without its provenance
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImportBatch(String id, String graph, String fileName, String format, String sha256, String user,
                          String importedAt, String tool, long triples, List<String> notes) {
}
