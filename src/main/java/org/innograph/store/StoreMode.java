package org.innograph.store;

/** Where the graph lives: in this process (TDB2) or behind SPARQL 1.1 endpoints of another server. */
public enum StoreMode {
    EMBEDDED, REMOTE
}
