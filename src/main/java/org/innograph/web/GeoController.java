package org.innograph.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.innograph.problems.JsonApi;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

/** Boundaries for the maps, as GeoJSON: one or more NUTS units, and the countries as backdrop. */
@JsonApi
@RestController
class GeoController {

    private static final MediaType GEOJSON = MediaType.parseMediaType("application/geo+json");
    private static final Pattern CODES = Pattern.compile("[A-Z]{2}[A-Z0-9]{0,3}(,[A-Z]{2}[A-Z0-9]{0,3})*");

    private final RegionShapes shapes;

    GeoController(RegionShapes shapes) {
        this.shapes = shapes;
    }

    /** {@code /api/geo/nuts/AT12} or {@code /api/geo/nuts/AT12,SK}: the units that have a boundary. */
    @GetMapping("/api/geo/nuts/{codes}")
    ResponseEntity<String> nuts(@PathVariable String codes) {
        if (!CODES.matcher(codes).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'" + codes + "' is not a comma-separated "
                    + "list of NUTS codes (e.g. AT12 or AT12,SK)");
        }
        List<JsonNode> features = new ArrayList<>();
        for (String code : codes.split(",")) {
            shapes.feature(code).ifPresent(features::add);
        }
        if (features.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No boundary for NUTS " + codes);
        }
        return geoJson(features);
    }

    @GetMapping("/api/geo/countries")
    ResponseEntity<String> countries() {
        return geoJson(shapes.countries());
    }

    private ResponseEntity<String> geoJson(List<JsonNode> features) {
        return ResponseEntity.ok().contentType(GEOJSON).cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .body(shapes.collection(features).toString());
    }
}
