package org.newskg.rdf;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The NewsKG ontology's own terms ({@code ontology/newskg.ttl}); everything else comes
 * from PROV-O, NIF 2.1, schema.org, SEM, W3C ORG and OWL-Time.
 *
 * <p>The shape of one document's named graph (graph name = the document IRI), as written by
 * {@link DocumentMapper}; {@code [..]} is optional, IRIs are minted by {@link Iris}:
 * <pre>
 * DOC   a schema:NewsArticle, nif:Context ; nkg:source "path" ; nif:isString "text" ; nkg:textHash "sha-256 hex" ;
 *       [schema:headline] ; [schema:datePublished xsd:date] ; [schema:url IRI] ; [schema:author E] ; [schema:publisher E] .
 * ACT   a prov:Activity ; prov:used DOC ; prov:wasAssociatedWith AGENT .     # the extraction run, DOC#extraction
 * AGENT a prov:SoftwareAgent ; rdfs:label "NewsKG 0.1.0" ; nkg:extractorVersion "0.1.0" .
 * E     a schema:Person | schema:Organization | schema:Place | nkg:Group | schema:Event | schema:Thing ;
 *       rdfs:label "fullest name" ; [schema:alternateName "other name"] ; [nkg:country E] .
 * M     a nkg:Mention ; nif:referenceContext DOC ; nif:beginIndex ; nif:endIndex ; nif:anchorOf ;
 *       [nkg:refersTo E] ; nkg:mentionKind nkg:Name|nkg:Pronoun|nkg:Description|nkg:Acronym ;
 *       [nkg:mentionRole "government"] ; [nkg:rule "AcronymAfterName"] ; nkg:confidence ; prov:wasGeneratedBy ACT .
 *       # nkg:refersTo is absent only on the source mention of a statement whose speaker is unresolved
 * R     a org:Membership ; org:member E ; org:role ROLE ; [org:organization E] ; [nkg:asOf xsd:date] ;
 *       nif:referenceContext DOC ; nif:beginIndex ; nif:endIndex ; nif:anchorOf ; nkg:confidence ; prov:wasGeneratedBy ACT .
 * ROLE  a org:Role ; rdfs:label "Deputy Minister of Defense" .
 * S     a nkg:Statement, [schema:Quotation when direct] ; nkg:statementKind nkg:IndirectSpeech ; nkg:direct false ;
 *       nif:referenceContext DOC ; nif:beginIndex ; nif:endIndex ; nif:anchorOf "content" ;
 *       [nkg:speaker E] ; [nkg:sourceMention M] ; nkg:cue C ; [nkg:venue EV] ; [sem:hasPlace E] ;
 *       [sem:hasTimeStamp xsd:date] ; [nkg:rule "AccordingTo"] ; nkg:confidence ; prov:wasGeneratedBy ACT .
 * C     a nkg:Cue ; nif:referenceContext DOC ; nif:beginIndex ; nif:endIndex ; nif:anchorOf ; nif:lemma "stress" ;
 *       prov:wasGeneratedBy ACT .
 * EV    a sem:Event, schema:Event, [nkg:Interview|nkg:Meeting|nkg:Briefing|nkg:Visit|nkg:Publication|nkg:Post] ;
 *       rdfs:label ; [sem:hasActor E] ; [nkg:medium E] ; [sem:hasPlace E] ; [sem:subEventOf EV] ;
 *       [sem:hasTimeStamp xsd:date] ; nif:referenceContext DOC ; nif:beginIndex ; nif:endIndex ; nif:anchorOf ;
 *       nkg:confidence ; prov:wasGeneratedBy ACT .
 * E     nkg:surnameKey "revenko" .                                        # written by the store for a schema:Person
 * X     a nkg:IdentityMerge ; nkg:mergedEntity E ; nkg:mergedInto E ; nkg:mergeRule "..." ;   # DOC#merge-SURNAME,
 *       nkg:confidence ; prov:wasDerivedFrom DOC .                         # written by the store (SurnameResolution)
 * P     a nif:Paragraph ; nkg:attribution "Ministry of Health" ;         # an inline [CITATION attribution: ...] marker
 *       nif:referenceContext DOC ; nif:beginIndex ; nif:endIndex ; nif:anchorOf ; prov:wasGeneratedBy ACT .
 * </pre>
 * Offsets ({@code nif:beginIndex}, {@code nif:endIndex}, xsd:nonNegativeInteger) are code points, as the
 * contract says; {@code nkg:confidence} is an xsd:double in [0, 1]. {@code ontology/shapes.ttl} checks all this.
 */
public final class NKG {

    public static final String NS = "https://w3id.org/newskg/ontology#";
    public static final String PREFIX = "nkg";
    /** Base of the IRIs NewsKG mints for documents and entities. */
    public static final String ID = "https://w3id.org/newskg/id/";

    private NKG() {
    }

    private static Resource resource(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property property(String local) {
        return ResourceFactory.createProperty(NS + local);
    }

    // classes
    public static final Resource Mention = resource("Mention");
    public static final Resource Statement = resource("Statement");
    public static final Resource Cue = resource("Cue");
    public static final Resource Group = resource("Group");
    public static final Resource Interview = resource("Interview");
    public static final Resource Meeting = resource("Meeting");
    public static final Resource Briefing = resource("Briefing");
    public static final Resource Visit = resource("Visit");
    public static final Resource Publication = resource("Publication");
    public static final Resource Post = resource("Post");
    public static final Resource StatementKind = resource("StatementKind");
    public static final Resource MentionKind = resource("MentionKind");
    public static final Resource IdentityMerge = resource("IdentityMerge");

    // individuals: statement kinds
    public static final Resource DirectQuote = resource("DirectQuote");
    public static final Resource IndirectSpeech = resource("IndirectSpeech");
    public static final Resource AccordingTo = resource("AccordingTo");
    public static final Resource Belief = resource("Belief");

    // individuals: mention kinds
    public static final Resource Name = resource("Name");
    public static final Resource Pronoun = resource("Pronoun");
    public static final Resource Description = resource("Description");
    public static final Resource Acronym = resource("Acronym");

    // properties
    public static final Property source = property("source");
    public static final Property textHash = property("textHash");
    public static final Property refersTo = property("refersTo");
    public static final Property mentionKind = property("mentionKind");
    public static final Property mentionRole = property("mentionRole");
    public static final Property confidence = property("confidence");
    public static final Property rule = property("rule");
    public static final Property statementKind = property("statementKind");
    public static final Property direct = property("direct");
    public static final Property speaker = property("speaker");
    public static final Property sourceMention = property("sourceMention");
    public static final Property cue = property("cue");
    public static final Property venue = property("venue");
    public static final Property medium = property("medium");
    public static final Property asOf = property("asOf");
    public static final Property country = property("country");
    public static final Property extractorVersion = property("extractorVersion");
    public static final Property attribution = property("attribution");
    public static final Property surnameKey = property("surnameKey");
    public static final Property mergedEntity = property("mergedEntity");
    public static final Property mergedInto = property("mergedInto");
    public static final Property mergeRule = property("mergeRule");

    // links to Wikidata (org.newskg.link)
    public static final Resource LinkCandidate = resource("LinkCandidate");
    public static final Resource LinkDecision = resource("LinkDecision");
    public static final Property linkCandidate = property("linkCandidate");
    public static final Property candidateItem = property("candidateItem");
    public static final Property qid = property("qid");
    public static final Property candidateLabel = property("candidateLabel");
    public static final Property candidateDescription = property("candidateDescription");
    public static final Property linkScore = property("linkScore");
    public static final Property linkFeature = property("linkFeature");
    public static final Property linkMethod = property("linkMethod");
    public static final Property linkStatus = property("linkStatus");
    public static final Property decisionFor = property("decisionFor");
}
