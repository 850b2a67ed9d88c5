package org.innograph.backup;

/** Where a long operation says how far it got; the command line draws it as a progress line. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (count, fraction) -> {
    };

    /**
     * @param count    triples (quads) handled so far
     * @param fraction how much of the work is done, from 0 to 1, or negative when that is not known
     */
    void report(long count, double fraction);
}
