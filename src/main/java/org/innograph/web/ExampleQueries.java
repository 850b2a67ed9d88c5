package org.innograph.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The stored .rq files, offered as examples in the query editor. Only the summary is read from the header
 * ({@code #+ summary:} as the stored-query API writes it, or {@code # title:}); the query text goes to the
 * editor as written.
 */
@Component
class ExampleQueries {

    private static final Pattern SUMMARY = Pattern.compile("(?m)^#\\+?\\s*(?:summary|title)\\s*[:=]\\s*(.+)$");

    record Example(String name, String summary, String text) {
    }

    private final List<Example> examples;

    ExampleQueries(WebProperties properties) {
        this.examples = read(properties.exampleQueries());
    }

    List<Example> all() {
        return examples;
    }

    private static List<Example> read(List<String> patterns) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Example> found = new ArrayList<>();
        for (String pattern : patterns) {
            try {
                for (Resource resource : resolver.getResources(pattern)) {
                    String file = resource.getFilename();
                    if (file == null || !file.endsWith(".rq")) {
                        continue;
                    }
                    String text = resource.getContentAsString(StandardCharsets.UTF_8);
                    String name = file.substring(0, file.length() - 3);
                    Matcher summary = SUMMARY.matcher(text);
                    found.add(new Example(name, summary.find() ? summary.group(1).strip() : name.replace('-', ' '), text));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read example queries from " + pattern, e);
            }
        }
        found.sort(Comparator.comparing(Example::summary, String.CASE_INSENSITIVE_ORDER));
        return List.copyOf(found);
    }
}
