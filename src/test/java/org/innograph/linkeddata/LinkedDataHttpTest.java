package org.innograph.linkeddata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.innograph.testing.Http;
import org.innograph.testing.ShippedDataServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Dereferencing our IRIs over plain HTTP, as an RDF client or a crawler does it. */
class LinkedDataHttpTest extends ShippedDataServer {

    static final String HOUSE_OF_DIGITALISATION = "https://w3id.org/innograph/id/practice/"
            + "house-of-digitalisation-haus-der-digitalisierung-lower-austria";
    static final String HOUSE_PATH = "/id/practice/house-of-digitalisation-haus-der-digitalisierung-lower-austria";
    static final String IG = "https://w3id.org/innograph/ontology#";

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource({"text/turtle, TURTLE", "application/ld+json, JSONLD", "application/n-triples, NTRIPLES",
            "application/rdf+xml, RDFXML"})
    void mintedIriAnswersRdfByAccept(String accept, String lang) {
        HttpResponse<String> response = http.get(HOUSE_PATH, accept);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(accept));
        // Several Vary headers may come (CORS adds Origin); one of them must name Accept.
        assertThat(String.join(",", response.headers().allValues("Vary"))).contains("Accept");
        Model model = parse(response.body(), langOf(lang));
        Resource practice = model.getResource(HOUSE_OF_DIGITALISATION);
        assertThat(practice.hasProperty(RDF.type, model.getResource(IG + "GoodPractice"))).isTrue();
        assertThat(practice.getProperty(DCTerms.identifier).getString()).isEqualTo("GP01");
        // the Spanish action that only shortlisted it points at it through a qualified inspiration link (certainty
        // possible, never a plain ig:inspiredBy), and that link comes along as an inbound link
        assertThat(model.listSubjectsWithProperty(model.getProperty(IG + "linkedPractice"), practice).toList()).isNotEmpty()
                .as("links into the practice");
        assertThat(model.listSubjectsWithProperty(model.getProperty(IG + "inspiredBy"), practice).toList()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ttl, TURTLE", "jsonld, JSONLD", "nt, NTRIPLES"})
    void fileExtensionChoosesTheFormat(String extension, String lang) {
        HttpResponse<String> response = http.get(HOUSE_PATH + "." + extension, "text/html");
        assertThat(response.statusCode()).isEqualTo(200);
        Model model = parse(response.body(), langOf(lang));
        assertThat(model.getResource(HOUSE_OF_DIGITALISATION).getProperty(DCTerms.identifier).getString()).isEqualTo("GP01");
    }

    @Test
    void browsersGetAPageAndUnknownIrisAre404() {
        HttpResponse<String> page = http.get(HOUSE_PATH, "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("House of Digitalisation").contains("Similar practices");
        assertThat(page.headers().firstValue("Link")).hasValueSatisfying(link -> assertThat(link)
                .contains("<" + HOUSE_PATH + ".ttl>; rel=\"alternate\"; type=\"text/turtle\""));
        assertThat(http.get("/id/practice/no-such-practice", "text/html").statusCode()).isEqualTo(404);
        assertThat(http.get("/id/practice/no-such-practice", "text/turtle").statusCode()).isEqualTo(404);
        assertThat(http.get("/id/practice/no-such-practice.jsonld", null).statusCode()).isEqualTo(404);
        assertThat(http.get(HOUSE_PATH, "image/png").statusCode()).isEqualTo(406);
        assertThat(http.get("/id/practice/a%3Eb%20c", "text/turtle").statusCode()).isEqualTo(404);
    }

    @Test
    void themesAndHeldResourcesDereferenceToo() {
        Model theme = parse(http.get("/theme/digital-transformation", "text/turtle").body(), Lang.TURTLE);
        assertThat(theme.getResource("https://w3id.org/innograph/theme/digital-transformation")
                .hasProperty(RDF.type, theme.getResource(IG + "Theme"))).isTrue();

        HttpResponse<String> region = http.get("/resource?uri=" + Http.encode("http://data.europa.eu/nuts/code/AT12"),
                "application/ld+json");
        assertThat(region.statusCode()).isEqualTo(200);
        Model nuts = parse(region.body(), Lang.JSONLD);
        assertThat(nuts.getResource("http://data.europa.eu/nuts/code/AT12")
                .getProperty(nuts.getProperty("http://www.w3.org/2004/02/skos/core#notation")).getString()).isEqualTo("AT12");

        // one of our IRIs asked for through /resource goes to its own address
        HttpResponse<String> redirect = http.get("/resource?uri=" + Http.encode(HOUSE_OF_DIGITALISATION), "text/html");
        assertThat(redirect.statusCode()).isEqualTo(303);
        assertThat(redirect.headers().firstValue("Location")).hasValue(HOUSE_PATH);
        assertThat(http.get("/resource?uri=not-an-iri", "text/html").statusCode()).isEqualTo(400);
    }

    @Test
    void ontologyIsAPageAndItselfByContentNegotiation() {
        HttpResponse<String> page = http.get("/ontology", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"GoodPractice\"").contains("id=\"inspiredBy\"");

        for (String accept : new String[] {"text/turtle", "application/ld+json"}) {
            HttpResponse<String> rdf = http.get("/ontology", accept);
            assertThat(rdf.statusCode()).isEqualTo(200);
            Model ontology = parse(rdf.body(), accept.equals("text/turtle") ? Lang.TURTLE : Lang.JSONLD);
            assertThat(ontology.contains(ontology.getResource(IG + "GoodPractice"), RDF.type, OWL.Class)).isTrue();
            assertThat(ontology.contains(ontology.getResource("https://w3id.org/innograph/ontology"), RDF.type,
                    OWL.Ontology)).isTrue();
        }
        assertThat(http.get("/ontology.ttl", null).statusCode()).isEqualTo(200);
    }

    @Test
    void voidDescribesEveryGraphWithItsLiveTripleCount() {
        HttpResponse<String> response = http.get("/.well-known/void", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/turtle"));
        Model void_ = parse(response.body(), Lang.TURTLE);
        Resource dataset = void_.getResource("https://w3id.org/innograph/dataset");
        assertThat(dataset.getProperty(VOID.sparqlEndpoint).getResource().getURI()).isEqualTo(http.base() + "/sparql");
        assertThat(dataset.listProperties(VOID.exampleResource).toList()).hasSizeGreaterThan(3);

        String graph = "https://w3id.org/innograph/graph/inno-industry";
        Resource subset = void_.getResource(graph);
        assertThat(dataset.hasProperty(VOID.subset, subset)).isTrue();
        assertThat(subset.getProperty(DCTerms.license)).isNotNull();
        assertThat(subset.listProperties(VOID.triples).toList()).hasSize(1);
        long live = count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + graph + "> { ?s ?p ?o } }");
        assertThat(subset.getProperty(VOID.triples).getLong()).isEqualTo(live);

        Model json = parse(http.get("/.well-known/void", "application/ld+json").body(), Lang.JSONLD);
        assertThat(json.size()).isEqualTo(void_.size());
    }

    private long count(String query) {
        String body = http.get("/sparql?query=" + Http.encode(query), "text/csv").body();
        return Long.parseLong(body.lines().skip(1).findFirst().orElseThrow().strip());
    }

    private static Lang langOf(String name) {
        return switch (name) {
            case "TURTLE" -> Lang.TURTLE;
            case "JSONLD" -> Lang.JSONLD;
            case "NTRIPLES" -> Lang.NTRIPLES;
            default -> Lang.RDFXML;
        };
    }

    static Model parse(String body, Lang lang) {
        Model model = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(body)).lang(lang).parse(model);
        return model;
    }
}
