package org.innograph.ingest.convert;

import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.innograph.vocabulary.IG;

/**
 * Certainty is data. A practice's link with a project, and an action's link with the practice that inspired it, are
 * qualified resources (ig:ProjectLink, ig:InspirationLink) carrying ig:linkCertainty (confirmed, likely, possible),
 * the sources and the wording. Only a confirmed link is also stated with the plain property (ig:sharedInProject,
 * ig:inspiredBy), so the plain properties of the sourced graph hold confirmed facts only.
 */
final class ProjectLinks {
    private ProjectLinks() {}

    static Resource link(Resource practice, Resource project, Resource certainty, String note, String sources, PersonNames names) {
        return qualified(practice, "project-link", IG.ProjectLink, "projectLink", "linkedProject", project,
                "shared in project ", certainty, note, sources, names, "sharedInProject");
    }

    static Resource inspiration(Resource action, Resource practice, Resource certainty, String basis, String sources, PersonNames names) {
        return qualified(action, "inspiration", IG.InspirationLink, "inspirationLink", "linkedPractice", practice,
                "inspired by practice ", certainty, basis, sources, names, "inspiredBy");
    }

    /** The qualified link {subject}/{kind}/{target slug}, and the plain statement where the link is confirmed. */
    private static Resource qualified(Resource subject, String kind, Resource type, String linkProperty, String targetProperty,
                                      Resource target, String label, Resource certainty, String note, String sources,
                                      PersonNames names, String plainProperty) {
        Resource l = subject.getModel().createResource(subject.getURI() + "/" + kind + "/" + slug(target));
        l.addProperty(RDF.type, type);
        l.addProperty(RDFS.label, label + slug(target) + " (" + certainty.getLocalName() + ")", "en");
        l.addProperty(IG.p(targetProperty), target);
        l.addProperty(IG.p("linkCertainty"), certainty);
        Facts.text(l, SKOS.note, note);
        Facts.sources(l, DCTerms.source, sources, names);
        subject.addProperty(IG.p(linkProperty), l);
        if (certainty.equals(IG.confirmed)) subject.addProperty(IG.p(plainProperty), target);
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
