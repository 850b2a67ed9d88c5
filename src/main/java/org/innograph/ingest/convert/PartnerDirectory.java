package org.innograph.ingest.convert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.innograph.vocabulary.IG;

/**
 * The ten INNO INDUSTRY partners and the short names the sources use for them ("SBA", "RDA Posavje", ...), from
 * curation/partners_extra.csv, so that organisers, action plans and instruments link to the right organisation.
 */
final class PartnerDirectory {
    record Partner(String id, String slug, String country, List<String> aliases) {
        String iri() { return IG.id("organisation", slug); }
        String shortName() { return aliases.get(0); }
    }

    private final Map<String, Partner> byId = new LinkedHashMap<>();

    PartnerDirectory(CsvTable partners, CsvTable extra) {
        Map<String, Map<String, String>> extraById = new LinkedHashMap<>();
        extra.rows().forEach(r -> extraById.put(CsvTable.get(r, "partner_id"), r));
        for (var row : partners.rows()) {
            String id = CsvTable.get(row, "partner_id");
            var x = extraById.get(id);
            if (x == null) throw new IllegalArgumentException("curation/partners_extra.csv has no row for " + id);
            List<String> aliases = List.of(CsvTable.get(x, "aliases").split(";")).stream().map(String::trim).toList();
            byId.put(id, new Partner(id, CsvTable.get(x, "slug"), CsvTable.get(row, "country"), aliases));
        }
    }

    Partner get(String id) {
        Partner p = byId.get(id);
        if (p == null) throw new IllegalArgumentException("unknown partner id " + id);
        return p;
    }

    List<Partner> all() { return new ArrayList<>(byId.values()); }

    /** Every partner whose short name occurs as a whole word in the text. */
    List<Partner> named(String text) {
        List<Partner> out = new ArrayList<>();
        for (Partner p : byId.values()) {
            for (String alias : p.aliases()) {
                if (Pattern.compile("(?<![\\w-])" + Pattern.quote(alias) + "(?![\\w-])").matcher(text).find()) {
                    out.add(p);
                    break;
                }
            }
        }
        return out;
    }

    Optional<Partner> namedOnce(String text) {
        List<Partner> found = named(text);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }
}
