package org.innograph.federation;

/** A SERVICE or LOAD that would reach outside the allow-list; the message names the rule that refused it. */
public class FederationRefusedException extends RuntimeException {

    public FederationRefusedException(String message) {
        super(message);
    }
}
