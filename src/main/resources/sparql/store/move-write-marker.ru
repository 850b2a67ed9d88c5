# Moves the store's write marker to ?version; sent in the same request as the write it marks, where it can be.
DELETE WHERE {
  GRAPH graph:load-state {
    graph:load-state owl:versionInfo ?old
  }
} ;
INSERT {
  GRAPH graph:load-state {
    graph:load-state owl:versionInfo ?version
  }
} WHERE {}
