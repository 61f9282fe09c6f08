package org.newskg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

class OntologyTest {

    private static final Set<Resource> DECLARATIONS = Set.of(OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty,
            OWL.AnnotationProperty, OWL.NamedIndividual);

    static Model load(String resource) throws Exception {
        Model m = ModelFactory.createDefaultModel();
        try (InputStream in = OntologyTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, resource + " is not on the classpath");
            RDFParser.source(in).lang(Lang.TURTLE).parse(m);
        }
        return m;
    }

    /** Every nkg: term NKG.java declares, by reflection, so a new constant cannot slip past. */
    static Set<String> termsInCode() throws IllegalAccessException {
        Set<String> terms = new TreeSet<>();
        for (Field f : NKG.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && Resource.class.isAssignableFrom(f.getType())) {
                terms.add(((Resource) f.get(null)).getURI());
            }
        }
        return terms;
    }

    private static Set<String> nkgSubjectsAndObjects(Model m) {
        Set<String> used = new TreeSet<>();
        for (Statement s : m.listStatements().toList()) {
            for (RDFNode n : List.of(s.getSubject(), s.getPredicate(), s.getObject())) {
                if (n.isURIResource() && n.asResource().getURI().startsWith(NKG.NS)) {
                    used.add(n.asResource().getURI());
                }
            }
        }
        return used;
    }

    @Test
    void declaresLabelsAndCommentsEveryTermOfTheCode() throws Exception {
        Model m = load("/ontology/newskg.ttl");
        Set<String> code = termsInCode();
        assertTrue(code.size() > 30, "reflection found too few terms: " + code);
        List<String> problems = new ArrayList<>();
        for (String uri : code) {
            Resource term = m.createResource(uri);
            boolean declared = m.listObjectsOfProperty(term, RDF.type).toList().stream()
                    .anyMatch(t -> DECLARATIONS.contains(t.asResource()));
            if (!declared) {
                problems.add(uri + " is not declared");
            }
            if (!term.hasProperty(RDFS.label) || !term.hasProperty(RDFS.comment)) {
                problems.add(uri + " lacks rdfs:label or rdfs:comment");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        Set<String> extra = nkgSubjectsAndObjects(m);
        extra.removeAll(code);
        assertTrue(extra.isEmpty(), "the ontology has terms NKG.java lacks: " + extra);
    }

    @Test
    void ontologyHeaderAndAlignments() throws Exception {
        Model m = load("/ontology/newskg.ttl");
        Resource ontology = m.createResource("https://w3id.org/newskg/ontology");
        assertTrue(m.contains(ontology, RDF.type, OWL.Ontology));
        assertTrue(ontology.hasProperty(OWL.versionInfo));
        assertTrue(m.contains(ontology, DCTerms.license, m.createResource("https://www.apache.org/licenses/LICENSE-2.0")));
        assertTrue(m.contains(NKG.Statement, RDFS.subClassOf, PROV.Entity));
        assertTrue(m.contains(NKG.Statement, RDFS.subClassOf, SEM.Event));
        assertTrue(m.contains(NKG.speaker, RDFS.subPropertyOf, PROV.wasAttributedTo));
        assertTrue(m.contains(NKG.speaker, RDFS.subPropertyOf, SEM.hasActor));
        assertTrue(m.contains(NKG.Mention, RDFS.subClassOf, NIF.Phrase));
        assertTrue(m.contains(NKG.Group, RDFS.subClassOf, PROV.Agent));
        for (Resource event : List.of(NKG.Interview, NKG.Meeting, NKG.Briefing, NKG.Visit, NKG.Publication, NKG.Post)) {
            assertTrue(m.contains(event, RDFS.subClassOf, SEM.Event), event + " is a sem:Event");
        }
        assertTrue(m.contains(NKG.refersTo, RDFS.seeAlso, m.createResource("http://www.w3.org/2005/11/its/rdf#taIdentRef")));
    }

    @Test
    void shapesParseAndUseOnlyDeclaredTerms() throws Exception {
        Model shapes = load("/ontology/shapes.ttl");
        Set<String> used = nkgSubjectsAndObjects(shapes);
        used.removeAll(termsInCode());
        assertTrue(used.isEmpty(), "shapes.ttl uses undeclared nkg: terms: " + used);
        assertFalse(ShapesValidator.shapes().numRootShapes() == 0, "no shapes parsed");
    }
}
