package org.innograph.ingest.convert;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Certainty is data. A practice's link with a project, and an action's link with the practice that inspired it, are
 * qualified resources (ig:ProjectLink, ig:InspirationLink) carrying ig:linkCertainty (confirmed, likely, possible),
 * the sources and the wording. Only a confirmed link is also stated with the plain property (ig:sharedInProject,
 * ig:inspiredBy), so the plain properties of the sourced graph hold confirmed facts only.
 */
final class ProjectLinks {
    private ProjectLinks() {}

    static Resource link(Resource practice, Resource project, Resource certainty, String note, String sources, PersonNames names) {
        Resource l = practice.getModel().createResource(practice.getURI() + "/project-link/" + slug(project));
        l.addProperty(RDF.type, IG.ProjectLink);
        l.addProperty(RDFS.label, "shared in project " + slug(project) + " (" + certainty.getLocalName() + ")", "en");
        l.addProperty(IG.p("linkedProject"), project);
        l.addProperty(IG.p("linkCertainty"), certainty);
        Facts.text(l, SKOS.note, note);
        Facts.sources(l, DCTerms.source, sources, names);
        practice.addProperty(IG.p("projectLink"), l);
        if (certainty.equals(IG.confirmed)) practice.addProperty(IG.p("sharedInProject"), project);
        return l;
    }

    static Resource inspiration(Resource action, Resource practice, Resource certainty, String basis, String sources, PersonNames names) {
        Resource l = action.getModel().createResource(action.getURI() + "/inspiration/" + slug(practice));
        l.addProperty(RDF.type, IG.InspirationLink);
        l.addProperty(RDFS.label, "inspired by practice " + slug(practice) + " (" + certainty.getLocalName() + ")", "en");
        l.addProperty(IG.p("linkedPractice"), practice);
        l.addProperty(IG.p("linkCertainty"), certainty);
        Facts.text(l, SKOS.note, basis);
        Facts.sources(l, DCTerms.source, sources, names);
        action.addProperty(IG.p("inspirationLink"), l);
        if (certainty.equals(IG.confirmed)) action.addProperty(IG.p("inspiredBy"), practice);
        return l;
    }

    static Resource certainty(String word) {
        return switch (word) {
            case "confirmed" -> IG.confirmed;
            case "likely" -> IG.likely;
            case "possible" -> IG.possible;
            default -> throw new IllegalArgumentException("link certainty must be confirmed, likely or possible, not '" + word + "'");
        };
    }

    private static String slug(Resource r) {
        return r.getURI().substring(r.getURI().lastIndexOf('/') + 1);
    }
}
