package org.innograph.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The query-file header: what it forgives, and how it reports what it cannot. */
class QueryFileReaderTest {

    private static StoredQuery read(String text) {
        return QueryFileReader.read("q", "q.rq", text, "external");
    }

    private static void rejects(String text, int line, String problem) {
        assertThatThrownBy(() -> read(text)).isInstanceOfSatisfying(MalformedQueryFileException.class, e -> {
            assertThat(e.report().file()).isEqualTo("q.rq");
            assertThat(e.report().line()).isEqualTo(line);
            assertThat(e.report().problem()).contains(problem);
        });
    }

    @Test
    void forgivingSpellingsAreUnderstood() {
        StoredQuery query = read("""
                #+ Summary = Practices by year
                #+ description: First line
                #+   second line
                #+ tags: practices, years
                #+   - statistics
                #+ parameter: ?year int optional default=2020 -- the year the practice started,
                #+   as four digits
                #+ param: $kind values="a b|c" multiple — kinds
                #+ param: lang
                #+ page-size: 20
                #+ federated: yes
                SELECT * WHERE { ?p ?year ?kind ; ?x ?lang }
                """);
        assertThat(query.summary()).isEqualTo("Practices by year");
        assertThat(query.description()).isEqualTo("First line\nsecond line");
        assertThat(query.tags()).containsExactly("practices", "years", "statistics");
        assertThat(query.pageSize()).isEqualTo(20);
        assertThat(query.federated()).isTrue();
        QueryParameter year = query.parameters().get(0);
        assertThat(year.name()).isEqualTo("year");
        assertThat(year.type()).isEqualTo(ParameterType.INTEGER);
        assertThat(year.required()).isFalse();
        assertThat(year.defaultValue()).isEqualTo("2020");
        assertThat(year.description()).isEqualTo("the year the practice started, as four digits");
        QueryParameter kind = query.parameters().get(1);
        assertThat(kind.multi()).isTrue();
        assertThat(kind.allowedValues()).containsExactly("a b", "c");
        QueryParameter lang = query.parameters().get(2);
        assertThat(lang.type()).as("the type defaults to string").isEqualTo(ParameterType.STRING);
    }

    @Test
    void aFileWithoutHeaderIsServedUnderItsName() {
        StoredQuery query = read("ASK { ?s ?p ?o }");
        assertThat(query.summary()).isEqualTo("q");
        assertThat(query.parameters()).isEmpty();
        assertThat(query.form()).isEqualTo("ASK");
    }

    @Test
    void mistakesAreReportedWithTheirLine() {
        rejects("#+ summary: s\n#+ parm: x string\nSELECT ?x {}", 2, "unknown header key 'parm'");
        rejects("#+ paging: lots\nSELECT * {}", 1, "paging must be a page size");
        rejects("#+ summary: s\n\n#+ param: x integer required default=3\nSELECT ?x {}", 3, "required and has a default");
        rejects("#+ param: x integer default=three\nSELECT ?x {}", 1, "default of parameter 'x' is not valid");
        rejects("#+ param: x string values=a|b default=c\nSELECT ?x {}", 1, "default of parameter 'x' is not valid");
        rejects("#+ param: x date values=2020-01-01|yesterday\nSELECT ?x {}", 1, "'yesterday' is not a date");
        rejects("#+ param: x string\nSELECT ?y {}", 1, "must mention ?x");
        rejects("#+ param: x string\nSELECT * {\n  BIND (1 AS ?x)\n}", 3, "'AS ?x' assigns the parameter's variable");
        rejects("#+ param: x string\n#+ param: x iri\nSELECT ?x {}", 2, "declared twice");
        rejects("#+ param: page integer\nSELECT ?page {}", 1, "reserved");
        rejects("#+ param: x string optional required\nSELECT ?x {}", 1, "both required and optional");
        rejects("#+ param: x strnig\nSELECT ?x {}", 1, "'strnig' is not understood");
        rejects("#+ summary: one\n#+ summary: two\nSELECT * {}", 2, "given twice (first on line 1)");
        rejects("#+ paging: 10\nCONSTRUCT WHERE { ?s ?p ?o }", 1, "SELECT queries only");
        rejects("#+ federated: maybe\nSELECT * {}", 1, "true or false");
        rejects("#+ summary: s\n#+ tags: a\nSELECT * WHERE {\n  ?s ?p ?o )\n}", 4, "not a SPARQL query");
        rejects("#+ summary: s\nINSERT DATA { <a:s> <a:p> <a:o> }", 2, "stored queries only read");
        assertThatThrownBy(() -> QueryFileReader.read("bad name", "bad name.rq", "SELECT * {}", "external"))
                .hasMessageContaining("cannot be an API path");
    }
}
