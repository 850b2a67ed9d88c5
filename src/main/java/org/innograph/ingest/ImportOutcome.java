package org.innograph.ingest;

/**
 * What an import did.
 *
 * @param result  {@code created} (a new batch), {@code replaced} (the batch's graph was replaced) or
 *                {@code unchanged} (the same content was already imported: nothing written)
 * @param batch   the batch as it now is in the store
 */
public record ImportOutcome(String result, ImportBatch batch) {

    public static final String CREATED = "created";
    public static final String REPLACED = "replaced";
    public static final String UNCHANGED = "unchanged";
}
