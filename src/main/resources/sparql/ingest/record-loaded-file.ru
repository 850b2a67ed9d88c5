# Shipped data: remember in the load-state graph ?state that graph ?g was loaded from ?file with content ?hash.
DELETE WHERE { GRAPH ?state { ?g ?p ?o } } ;
INSERT { GRAPH ?state { ?g ig:contentHash ?hash ; ig:loadedFrom ?file } } WHERE {}
