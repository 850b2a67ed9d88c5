package org.innograph.conformance;

/**
 * One requirement of a W3C specification, as its text states it, with the check that tests it.
 *
 * @param id      short stable name, prefixed with the specification: {@code P} SPARQL 1.1 Protocol,
 *                {@code G} SPARQL 1.1 Graph Store HTTP Protocol
 * @param section the section whose text states it, e.g. {@code §2.1.3}
 * @param level   the RFC 2119 keyword of that text (MUST or SHOULD)
 * @param text    what the server has to do, in a line
 */
record Requirement(String id, String section, Level level, String text, Check check) {

    enum Level { MUST, SHOULD }

    enum Verdict { PASS, FAIL, NOT_APPLICABLE }

    /** What running a check found. */
    record Outcome(Verdict verdict, String detail) {

        static Outcome pass(String detail) {
            return new Outcome(Verdict.PASS, detail);
        }

        static Outcome fail(String detail) {
            return new Outcome(Verdict.FAIL, detail);
        }

        static Outcome notApplicable(String reason) {
            return new Outcome(Verdict.NOT_APPLICABLE, reason);
        }
    }

    @FunctionalInterface
    interface Check {
        Outcome run(Fixture fixture);
    }
}
