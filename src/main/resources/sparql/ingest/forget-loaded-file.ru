# Shipped data: forget in the load-state graph ?state what graph ?g was loaded from.
DELETE WHERE { GRAPH ?state { ?g ?p ?o } }
