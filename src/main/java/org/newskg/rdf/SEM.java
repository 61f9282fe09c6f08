package org.newskg.rdf;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** Simple Event Model terms NewsKG uses for events and statements. */
public final class SEM {

    public static final String NS = "http://semanticweb.cs.vu.nl/2009/11/sem/";
    public static final String PREFIX = "sem";

    private SEM() {
    }

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS + local);
    }

    public static final Resource Event = resource("Event");
    public static final Resource Actor = resource("Actor");
    public static final Resource Place = resource("Place");
    public static final Resource Time = resource("Time");
    public static final Property hasActor = property("hasActor");
    public static final Property hasPlace = property("hasPlace");
    public static final Property hasTimeStamp = property("hasTimeStamp");
    public static final Property hasBeginTimeStamp = property("hasBeginTimeStamp");
    public static final Property subEventOf = property("subEventOf");
    public static final Property hasSubEvent = property("hasSubEvent");
    public static final Property eventType = property("eventType");
}
