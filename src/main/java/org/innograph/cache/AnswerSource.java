package org.innograph.cache;

/**
 * Something other than the store that answers are made from and that can change while InnoGraph runs (the
 * folder of stored queries). Its version is part of every validator and cache key.
 */
public interface AnswerSource {

    /** Changes whenever answers made from this source may change. */
    String version();
}
