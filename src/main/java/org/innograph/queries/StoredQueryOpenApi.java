package org.innograph.queries;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * One OpenAPI operation per stored query, built from the catalogue each time the document is asked for: a
 * query file added to the external folder is an operation in the next {@code /v3/api-docs}.
 */
@Component
class StoredQueryOpenApi implements OpenApiCustomizer {

    private static final String ROWS = "StoredQueryRows";
    private static final String PROBLEM = "Problem";

    private final QueryCatalogue catalogue;
    private final QueriesProperties properties;

    StoredQueryOpenApi(QueryCatalogue catalogue, QueriesProperties properties) {
        this.catalogue = catalogue;
        this.properties = properties;
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.schema(ROWS, rowsSchema()).schema(PROBLEM, problemSchema());
        for (StoredQuery query : catalogue.contents().queries().values()) {
            openApi.path("/api/queries/" + query.name(), new PathItem().get(operation(query)));
        }
    }

    private Operation operation(StoredQuery query) {
        Operation operation = new Operation().operationId(query.name()).summary(query.summary())
                .description(description(query))
                .tags(query.tags().isEmpty() ? List.of("queries") : query.tags());
        query.parameters().forEach(parameter -> operation.addParametersItem(parameter(parameter)));
        if (query.paged()) {
            int size = query.pageSize() != null ? query.pageSize() : properties.defaultPerPage();
            operation.addParametersItem(new Parameter().in("query").name("page").description("Page number, from 1")
                    .schema(new IntegerSchema().format(null).minimum(BigDecimal.ONE)._default(1)));
            operation.addParametersItem(new Parameter().in("query").name("per_page").description("Rows per page")
                    .schema(new IntegerSchema().format(null).minimum(BigDecimal.ONE)
                            .maximum(BigDecimal.valueOf(properties.maxRows()))._default(Math.min(size, properties.maxRows()))));
        }
        List<String> formats = query.query().isSelectType() ? List.of("json", "csv", "tsv", "xml")
                : query.query().isAskType() ? List.of("json", "xml") : List.of("turtle", "jsonld", "nt", "rdfxml");
        operation.addParametersItem(new Parameter().in("query").name("format")
                .description("The representation, instead of an Accept header").schema(new StringSchema()._enum(formats)));
        return operation.responses(responses(query));
    }

    private static String description(StoredQuery query) {
        StringBuilder text = new StringBuilder(query.description());
        if (query.federated()) {
            text.append("\n\n**Federated:** this query calls public SPARQL endpoints on the internet (SERVICE) "
                    + "and is as available and as fast as they are.");
        }
        text.append("\n\n```sparql\n").append(query.text().strip()).append("\n```");
        return text.toString().strip();
    }

    private static Parameter parameter(QueryParameter parameter) {
        Schema<?> schema = schema(parameter.type());
        if (!parameter.allowedValues().isEmpty()) {
            schema = new StringSchema()._enum(parameter.allowedValues());
        }
        if (parameter.defaultValue() != null && !parameter.multi()) {
            schema.setDefault(parameter.defaultValue());
        }
        Parameter described = new Parameter().in("query").name(parameter.name()).required(parameter.required())
                .description(join(parameter.description(), "Expects " + parameter.expects() + "."));
        if (parameter.multi()) {
            ArraySchema list = new ArraySchema();
            list.setItems(schema);
            if (parameter.defaultValue() != null) {
                list.setDefault(List.of(parameter.defaultValue().split(",")));
            }
            return described.schema(list).style(Parameter.StyleEnum.FORM).explode(true);
        }
        return described.schema(schema);
    }

    private static Schema<?> schema(ParameterType type) {
        switch (type) {
            case INTEGER:
                return new IntegerSchema().format(null);
            case DECIMAL:
                return new NumberSchema();
            case BOOLEAN:
                return new BooleanSchema();
            case DATE:
                return new DateSchema();
            case IRI:
                return new StringSchema().format("uri");
            case NUTS:
                return new StringSchema().pattern("^([A-Za-z]{2}[A-Za-z0-9]{0,3}|" + ParameterType.NUTS_BASE + ".+)$")
                        .example("AT12");
            case THEME:
                return new StringSchema().pattern("^([a-z0-9]+(-[a-z0-9]+)*|" + ParameterType.THEME_BASE + ".+)$")
                        .example("digital-transformation");
            case LANG_STRING:
                return new StringSchema().pattern(".+@[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$").example("Wien@de");
            default:
                return new StringSchema();
        }
    }

    private ApiResponses responses(StoredQuery query) {
        Content content = new Content();
        if (query.query().isSelectType()) {
            content.addMediaType("application/json", new MediaType().schema(new Schema<>().$ref(ROWS)));
            for (String type : List.of("application/sparql-results+json", "text/csv", "text/tab-separated-values",
                    "application/sparql-results+xml")) {
                content.addMediaType(type, new MediaType().schema(new StringSchema()));
            }
        } else if (query.query().isAskType()) {
            content.addMediaType("application/json", new MediaType().schema(new ObjectSchema()
                    .addProperty("query", new StringSchema()).addProperty("boolean", new BooleanSchema())));
            content.addMediaType("application/sparql-results+json", new MediaType().schema(new StringSchema()));
        } else {
            for (String type : List.of("text/turtle", "application/ld+json", "application/n-triples",
                    "application/rdf+xml")) {
                content.addMediaType(type, new MediaType().schema(new StringSchema()));
            }
        }
        ApiResponse ok = new ApiResponse().description(query.paged()
                ? "One page of rows; the Link header points to the first, previous and next pages" : "The answer")
                .content(content);
        if (query.paged()) {
            ok.addHeaderObject("Link", new Header().description("RFC 8288 links with rel first, prev, next")
                    .schema(new StringSchema()));
        }
        Content problem = new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref(PROBLEM)));
        return new ApiResponses().addApiResponse("200", ok)
                .addApiResponse("400", new ApiResponse().description("A parameter is unknown, missing or of the "
                        + "wrong type; 'parameter' names it and 'expected' says what it takes").content(problem))
                .addApiResponse("406", new ApiResponse().description("No acceptable representation").content(problem))
                .addApiResponse("503", new ApiResponse().description("The query exceeded the time limit")
                        .content(problem));
    }

    private static Schema<?> rowsSchema() {
        Schema<?> cell = new ObjectSchema().description("One RDF term; null when the column is unbound in the row")
                .addProperty("type", new StringSchema()._enum(List.of("iri", "literal", "bnode")))
                .addProperty("value", new Schema<>().description("The IRI, or the literal's value: a JSON number "
                        + "or boolean for numeric and boolean datatypes, text otherwise"))
                .addProperty("datatype", new StringSchema().format("uri"))
                .addProperty("lang", new StringSchema())
                .addProperty("label", new StringSchema().description("rdfs:label or skos:prefLabel of an IRI"));
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("query", new StringSchema());
        properties.put("columns", new ArraySchema().items(new StringSchema()));
        properties.put("rows", new ArraySchema().items(new ObjectSchema().additionalProperties(cell)));
        properties.put("page", new IntegerSchema().format(null));
        properties.put("per_page", new IntegerSchema().format(null));
        properties.put("has_next", new BooleanSchema());
        ObjectSchema rows = new ObjectSchema();
        rows.setProperties(properties);
        rows.setRequired(new ArrayList<>(properties.keySet()));
        return rows.description("A page of a SELECT query's rows, the same shape for every stored query");
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("title", new StringSchema()).addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("parameter", new StringSchema().description("the request parameter at fault"))
                .addProperty("expected", new StringSchema().description("what that parameter accepts"));
    }

    private static String join(String first, String second) {
        if (first == null || first.isBlank()) {
            return second;
        }
        String text = first.strip();
        return text + (text.endsWith(".") ? " " : ". ") + second;
    }
}
