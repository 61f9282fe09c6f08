package org.newskg.rdf;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** schema.org terms (https namespace) NewsKG uses. */
public final class SCHEMA {

    public static final String NS = "https://schema.org/";
    public static final String PREFIX = "schema";

    private SCHEMA() {
    }

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS + local);
    }

    public static final Resource Thing = resource("Thing");
    public static final Resource NewsArticle = resource("NewsArticle");
    public static final Resource Person = resource("Person");
    public static final Resource Organization = resource("Organization");
    public static final Resource Place = resource("Place");
    public static final Resource Country = resource("Country");
    public static final Resource City = resource("City");
    public static final Resource Event = resource("Event");
    public static final Resource BroadcastEvent = resource("BroadcastEvent");
    public static final Resource SocialMediaPosting = resource("SocialMediaPosting");
    public static final Resource Quotation = resource("Quotation");
    public static final Property name = property("name");
    public static final Property alternateName = property("alternateName");
    public static final Property headline = property("headline");
    public static final Property datePublished = property("datePublished");
    public static final Property author = property("author");
    public static final Property publisher = property("publisher");
    public static final Property url = property("url");
    public static final Property location = property("location");
    public static final Property startDate = property("startDate");
    public static final Property attendee = property("attendee");
    public static final Property about = property("about");
    public static final Property isBasedOn = property("isBasedOn");
}
