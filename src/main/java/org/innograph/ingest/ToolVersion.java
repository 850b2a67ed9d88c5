package org.innograph.ingest;

/** "InnoGraph 0.1.0": the version of the running tool, from the jar's manifest, for provenance records. */
public final class ToolVersion {

    private ToolVersion() {
    }

    public static String current() {
        String version = ToolVersion.class.getPackage().getImplementationVersion();
        // Outside the packaged jar (tests, mvn spring-boot:run) the manifest has no version.
        return "InnoGraph " + (version == null ? "development build" : version);
    }
}
