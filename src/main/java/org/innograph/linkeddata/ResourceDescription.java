package org.innograph.linkeddata;

import java.util.List;
import java.util.Optional;

import org.innograph.vocabulary.IG;

/**
 * What a page shows about one resource: every property with its values, and the links that point at it.
 *
 * @param inboundTruncated whether more resources link here than the page lists
 */
public record ResourceDescription(String iri, String label, List<ValueView> types, List<PropertyValues> properties,
                                  List<PropertyValues> inbound, boolean inboundTruncated) {

    public boolean hasType(String curie) {
        String type = IG.expand(curie);
        return types.stream().anyMatch(value -> type.equals(value.iri()));
    }

    /** The values of one property, e.g. {@code values('ig:summary')}; empty when it has none. */
    public List<ValueView> values(String curie) {
        return property(curie).map(PropertyValues::values).orElse(List.of());
    }

    /** The first value's text, or null. */
    public String text(String curie) {
        List<ValueView> values = values(curie);
        return values.isEmpty() ? null : values.get(0).text();
    }

    public Optional<PropertyValues> property(String curie) {
        String iri = IG.expand(curie);
        return properties.stream().filter(property -> property.iri().equals(iri)).findFirst();
    }

    /** Resources linking here through one property, e.g. the actions an {@code ig:inspiredBy} points from. */
    public List<ValueView> inbound(String curie) {
        String iri = IG.expand(curie);
        return inbound.stream().filter(property -> property.iri().equals(iri)).findFirst()
                .map(PropertyValues::values).orElse(List.of());
    }

    /** NUTS codes of the regions a resource is located in ({@code dct:spatial}), for the map. */
    public List<String> nutsCodes() {
        return values("dct:spatial").stream().map(ValueView::iri)
                .filter(iri -> iri != null && iri.startsWith(IG.NUTS))
                .map(iri -> iri.substring(IG.NUTS.length())).distinct().toList();
    }
}
