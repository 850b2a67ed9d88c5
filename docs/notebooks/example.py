#!/usr/bin/env python3
"""InnoGraph from Python: three ways into the graph, each ending in a pandas DataFrame.

1. a stored query, run through the REST API, read as CSV;
2. a federated SPARQL query sent with SPARQLWrapper: our practices joined with the names of their NUTS regions
   in French from the EU Publications Office (or any endpoint that serves the NUTS concepts);
3. recommendations for a region from the JSON API, one row per practice with its score and first reason.

    python3 docs/notebooks/example.py --base http://localhost:8080
    python3 docs/notebooks/example.py --base http://localhost:8080 --out results/   # also writes the frames as CSV

Needs SPARQLWrapper and pandas (Debian: apt-get install python3-sparqlwrapper python3-pandas; or pip).
The same code works cell by cell in a Jupyter notebook.
"""
import argparse
import io
import json
import os
import urllib.parse
import urllib.request

import pandas as pd
from SPARQLWrapper import JSON, POST, SPARQLWrapper

PUBLICATIONS_OFFICE = "http://publications.europa.eu/webapi/rdf/sparql"


def get(url, accept):
    request = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.read().decode("utf-8")


def sparql_frame(endpoint, query):
    """A SELECT query's answer as a DataFrame: one column per variable, the values as text."""
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    answer = client.queryAndConvert()
    columns = answer["head"]["vars"]
    rows = [{name: row[name]["value"] for name in columns if name in row} for row in answer["results"]["bindings"]]
    return pd.DataFrame(rows, columns=columns)


def stored_query(base, name, **parameters):
    """A stored query (see /api/queries) with its parameters, read as CSV."""
    query = urllib.parse.urlencode(parameters)
    text = get(f"{base}/api/queries/{name}?per_page=1000&{query}", "text/csv")
    return pd.read_csv(io.StringIO(text))


def nuts_names(base, nuts_endpoint, language):
    """Our practices with the name of their region in one language, from a NUTS endpoint (federated)."""
    return sparql_frame(f"{base}/sparql", f"""
        PREFIX dct:  <http://purl.org/dc/terms/>
        PREFIX ig:   <https://w3id.org/innograph/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?practice ?title ?region ?name WHERE {{
          ?practice a ig:GoodPractice ; dct:title ?title ; dct:spatial ?region .
          SERVICE <{nuts_endpoint}> {{
            ?region skos:prefLabel ?name FILTER (langMatches(lang(?name), "{language}"))
          }}
        }} ORDER BY ?region ?title""")


def recommendations(base, region, limit):
    """The recommender's practices for a region, with score and the first reason (the reasons are data)."""
    answer = json.loads(get(f"{base}/api/recommendations?region={region}&limit={limit}", "application/json"))
    return pd.DataFrame([{
        "rank": item["rank"], "practice": item["practice"], "label": item["label"], "score": item["score"],
        "reason": item["reasons"][0]["kind"] if item["reasons"] else "",
    } for item in answer["results"]])


def main():
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--base", default="http://localhost:8080", help="InnoGraph's address")
    arguments.add_argument("--nuts-endpoint", default=PUBLICATIONS_OFFICE,
                           help="a SPARQL endpoint with the NUTS concepts and their names in many languages")
    arguments.add_argument("--language", default="fr", help="language of the region names")
    arguments.add_argument("--region", default="AT12", help="NUTS code of the region to recommend practices for")
    arguments.add_argument("--out", help="a folder to write the three frames to, as CSV")
    options = arguments.parse_args()
    base = options.base.rstrip("/")

    per_country = stored_query(base, "practice-counts-per-country")
    print("Good practices per country (stored query practice-counts-per-country):")
    print(per_country.to_string(index=False))

    names = nuts_names(base, options.nuts_endpoint, options.language)
    print(f"\nPractices with their region's name in '{options.language}' (federated, {options.nuts_endpoint}):")
    print(names.to_string(index=False))

    recommended = recommendations(base, options.region, 5)
    print(f"\nRecommended practices for {options.region} (/api/recommendations):")
    print(recommended.to_string(index=False))

    if options.out:
        os.makedirs(options.out, exist_ok=True)
        per_country.to_csv(os.path.join(options.out, "practices-per-country.csv"), index=False)
        names.to_csv(os.path.join(options.out, "nuts-names.csv"), index=False)
        recommended.to_csv(os.path.join(options.out, "recommendations.csv"), index=False)


if __name__ == "__main__":
    main()
