package org.innograph.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;

/** SPARQL JSON results as comparable rows: each row's bindings by variable name, rows sorted. */
final class Answers {

    private Answers() {
    }

    static List<String> rows(String json) {
        ResultSet results = ResultSetMgr.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                ResultSetLang.RS_JSON);
        List<String> rows = new ArrayList<>();
        results.forEachRemaining(solution -> {
            TreeMap<String, String> row = new TreeMap<>();
            solution.varNames().forEachRemaining(var -> row.put(var, solution.get(var).toString()));
            rows.add(row.toString());
        });
        rows.sort(null);
        return rows;
    }
}
