package org.innograph.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * NUTS boundaries from the shipped GISCO files ({@code NUTS_RG_*}), one feature per code. Where both NUTS
 * versions have a code, the newest file's shape wins. Read once, on first use (≈ 2.5 MB of JSON).
 */
@Component
class RegionShapes {

    private static final Logger log = LoggerFactory.getLogger(RegionShapes.class);

    private final Path directory;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile Map<String, JsonNode> byCode;
    private volatile List<JsonNode> countries;

    RegionShapes(WebProperties properties) {
        this.directory = properties.geoDirectory();
    }

    /** The boundary of a NUTS unit as a GeoJSON feature. */
    Optional<JsonNode> feature(String code) {
        return Optional.ofNullable(load().get(code));
    }

    /** All level-0 units, the backdrop of every map (there are no map tiles offline). */
    List<JsonNode> countries() {
        load();
        return countries;
    }

    ObjectNode collection(List<JsonNode> features) {
        ObjectNode collection = json.createObjectNode();
        collection.put("type", "FeatureCollection");
        ArrayNode array = collection.putArray("features");
        features.forEach(array::add);
        return collection;
    }

    private Map<String, JsonNode> load() {
        Map<String, JsonNode> loaded = byCode;
        if (loaded != null) {
            return loaded;
        }
        synchronized (this) {
            if (byCode == null) {
                Map<String, JsonNode> features = new HashMap<>();
                List<Path> files = files();
                // Older versions first, so a newer file's shape replaces an older one of the same code.
                for (Path file : files) {
                    JsonNode root = read(file);
                    for (JsonNode feature : root.path("features")) {
                        String code = feature.path("properties").path("NUTS_ID").asString("");
                        if (!code.isEmpty()) {
                            features.put(code, feature);
                        }
                    }
                }
                List<JsonNode> level0 = new ArrayList<>();
                features.values().stream().filter(f -> f.path("properties").path("LEVL_CODE").asInt(-1) == 0)
                        .forEach(level0::add);
                countries = level0;
                byCode = features;
                log.info("Read {} NUTS boundaries from {} file(s) in {}", features.size(), files.size(), directory);
            }
            return byCode;
        }
    }

    private List<Path> files() {
        if (!Files.isDirectory(directory)) {
            log.warn("No GeoJSON directory {}: maps show no boundaries", directory.toAbsolutePath());
            return List.of();
        }
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith("NUTS_RG_") && name.endsWith(".geojson");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode read(Path file) {
        try {
            return json.readTree(file.toFile());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot read GeoJSON " + file + ": " + e.getMessage(), e);
        }
    }
}
