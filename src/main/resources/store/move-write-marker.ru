# Moves the store's write marker to ?version; sent in the same request as the write it marks, where it can be.
PREFIX owl: <http://www.w3.org/2002/07/owl#>
DELETE WHERE {
  GRAPH <https://w3id.org/innograph/graph/load-state> {
    <https://w3id.org/innograph/graph/load-state> owl:versionInfo ?old
  }
} ;
INSERT DATA {
  GRAPH <https://w3id.org/innograph/graph/load-state> {
    <https://w3id.org/innograph/graph/load-state> owl:versionInfo ?version
  }
}
