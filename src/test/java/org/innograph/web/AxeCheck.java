package org.innograph.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The automated accessibility check: axe-core (from npm, pinned in src/test/axe/package.json and installed into
 * target/axe, never committed) run inside the page the browser shows. Installs it on first use where npm is
 * available; {@link #available()} says whether it could.
 */
final class AxeCheck {

    static final Path PACKAGE = Path.of("src/test/axe/package.json");
    static final Path FOLDER = Path.of("target/axe");
    static final Path SCRIPT = FOLDER.resolve("node_modules/axe-core/axe.min.js");

    /** One rule a page breaks, with how much it matters and where. */
    record Finding(String page, String rule, String impact, String help, int nodes, String firstTarget) {

        boolean seriousOrWorse() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        @Override
        public String toString() {
            return page + ": " + impact + " " + rule + " (" + help + "), " + nodes + " element(s), e.g. " + firstTarget;
        }
    }

    private static String source;

    private AxeCheck() {
    }

    static synchronized boolean available() {
        if (source != null) {
            return true;
        }
        try {
            if (!Files.isReadable(SCRIPT)) {
                install();
            }
            if (!Files.isReadable(SCRIPT)) {
                return false;
            }
            source = Files.readString(SCRIPT);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void install() throws IOException {
        Files.createDirectories(FOLDER);
        Files.copy(PACKAGE, FOLDER.resolve("package.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try {
            Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--ignore-scripts")
                    .directory(FOLDER.toFile()).redirectErrorStream(true)
                    .redirectOutput(FOLDER.resolve("npm-install.log").toFile()).start();
            if (!npm.waitFor(120, TimeUnit.SECONDS)) {
                npm.destroyForcibly();
            }
        } catch (IOException e) {
            // no npm on this machine: available() says so
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every rule the page shown in the browser breaks (WCAG 2.x A and AA, and axe's best practices). */
    @SuppressWarnings("unchecked")
    static List<Finding> run(WebDriver browser, String page) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(source);
        Object result = js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(function (r) {
                  done(r.violations.map(function (v) {
                    return { rule: v.id, impact: v.impact || '', help: v.help, nodes: v.nodes.length,
                             target: v.nodes.length ? String(v.nodes[0].target) : '' };
                  }));
                }).catch(function (e) { done([{ rule: 'axe-error', impact: 'critical', help: String(e), nodes: 0, target: '' }]); });
                """);
        List<Finding> findings = new ArrayList<>();
        for (Object item : (List<Object>) result) {
            Map<String, Object> v = (Map<String, Object>) item;
            findings.add(new Finding(page, (String) v.get("rule"), (String) v.get("impact"), (String) v.get("help"),
                    ((Number) v.get("nodes")).intValue(), (String) v.get("target")));
        }
        return findings;
    }

    static void record(Path file, List<Finding> findings, String page) {
        StringBuilder text = new StringBuilder();
        if (findings.isEmpty()) {
            text.append(page).append(": no findings\n");
        }
        findings.forEach(finding -> text.append(finding).append('\n'));
        try {
            Files.writeString(file, text, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
