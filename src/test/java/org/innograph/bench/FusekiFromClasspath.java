package org.innograph.bench;

import org.apache.jena.fuseki.main.FusekiServer;

/**
 * Fuseki main from the test classpath, for the smoke run where the jena-fuseki-server jar is not at hand.
 * Same engine and configuration file as the jar; only the packaging differs.
 * Arguments: the configuration file and the port.
 */
public final class FusekiFromClasspath {

    private FusekiFromClasspath() {
    }

    public static void main(String[] args) {
        FusekiServer.create().parseConfigFile(args[0]).port(Integer.parseInt(args[1])).loopback(true)
                .build().start().join();
    }
}
