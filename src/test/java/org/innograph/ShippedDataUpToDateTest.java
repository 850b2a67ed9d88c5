package org.innograph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.innograph.ingest.convert.ShippedDataConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed data/*.ttl are what the converter makes from data/sources today. */
class ShippedDataUpToDateTest {

    @Test
    void generatedFilesMatchTheSources(@TempDir Path tmp) {
        var sizes = ShippedDataConverter.convert(Path.of("data/sources"), tmp);
        List<String> stale = new ArrayList<>();
        for (String graph : sizes.keySet()) {
            Model fresh = RDFDataMgr.loadModel(tmp.resolve(graph + ".ttl").toString());
            Model shipped = RDFDataMgr.loadModel(Path.of("data", graph + ".ttl").toString());
            if (!fresh.isIsomorphicWith(shipped)) stale.add(graph);
        }
        assertTrue(stale.isEmpty(), "out of date, run the converter (see README): " + stale);
        assertEquals(8, sizes.size(), "generated graphs: " + sizes.keySet());
    }
}
