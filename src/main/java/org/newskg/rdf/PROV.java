package org.newskg.rdf;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** PROV-O terms NewsKG uses for provenance. */
public final class PROV {

    public static final String NS = "http://www.w3.org/ns/prov#";
    public static final String PREFIX = "prov";

    private PROV() {
    }

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS + local);
    }

    public static final Resource Entity = resource("Entity");
    public static final Resource Activity = resource("Activity");
    public static final Resource Agent = resource("Agent");
    public static final Resource SoftwareAgent = resource("SoftwareAgent");
    public static final Resource Person = resource("Person");
    public static final Resource Organization = resource("Organization");
    public static final Property wasGeneratedBy = property("wasGeneratedBy");
    public static final Property wasAssociatedWith = property("wasAssociatedWith");
    public static final Property wasAttributedTo = property("wasAttributedTo");
    public static final Property used = property("used");
    public static final Property generatedAtTime = property("generatedAtTime");
    public static final Property wasDerivedFrom = property("wasDerivedFrom");
    public static final Property hadPrimarySource = property("hadPrimarySource");
    public static final Property atLocation = property("atLocation");
}
