package org.innograph.ingest.convert;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.Set;

/**
 * Persons are not modelled (DESIGN.md). Sources mention a few people by name, some inside URLs; values that contain
 * a name listed in curation/person_names.csv are left out of the graph, and the converter reports each one.
 */
final class PersonNames {
    private final List<String> folded;
    private final Set<String> dropped = new TreeSet<>();

    PersonNames(Path csv) {
        this.folded = CsvTable.read(csv).rows().stream().map(r -> Slugs.fold(CsvTable.get(r, "name"))).toList();
    }

    boolean allows(String value) {
        String v = " " + Slugs.fold(value) + " ";
        for (String name : folded) {
            if (v.contains(" " + name + " ")) {
                dropped.add(value);
                return false;
            }
        }
        return true;
    }

    String clean(String value) {
        return allows(value) ? value : "";
    }

    Set<String> dropped() { return dropped; }
}
