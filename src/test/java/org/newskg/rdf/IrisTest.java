package org.newskg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.irix.IRIx;
import org.junit.jupiter.api.Test;
import org.newskg.extract.Entity;
import org.newskg.extract.EntityType;

class IrisTest {

    private static void assertValidIri(Node node) {
        IRIx iri = IRIx.create(node.getURI());
        assertTrue(iri.isAbsolute() && !iri.hasViolations(), () -> "not a valid IRI: " + node.getURI());
    }

    @Test
    void slugsAreReadableAsciiLowerCase() {
        assertEquals("valery-revenko", Iris.slug("Valery Revenko"));
        assertEquals("deputy-minister-of-defense", Iris.slug("  Deputy Minister of Defense "));
        assertEquals("lukasz-zolc", Iris.slug("Łukasz Żółć"));
        assertEquals("jose-maria-aznar", Iris.slug("José María Aznar"));
        assertEquals("strauss", Iris.slug("Strauß"));
        assertEquals("obrien", Iris.slug("O'Brien"));
        assertEquals("u-s-army", Iris.slug("U.S. Army"));
        assertEquals("g7-summit-2025", Iris.slug("G7 Summit, 2025!"));
    }

    @Test
    void lettersWithoutLatinSpellingArePercentEncodedAndStayDistinct() {
        String minsk = Iris.slug("Минск");
        assertEquals("%D0%BC%D0%B8%D0%BD%D1%81%D0%BA", minsk);
        assertNotEquals(minsk, Iris.slug("Пинск"));
        assertNotEquals(Iris.slug("Андрей"), Iris.slug("Андреи"), "a breve on a Cyrillic letter is part of the letter");
        assertEquals(Iris.slug("Андрей"), Iris.slug("Андре\u0438\u0306"), "composed and decomposed spellings agree");
        assertTrue(Iris.slug("नरेंद्र मोदी").matches("(%[0-9A-F]{2})+-(%[0-9A-F]{2})+"), Iris.slug("नरेंद्र मोदी"));
        assertEquals("zoe-saldana", Iris.slug("Zoe\u0308 Saldan\u0303a"), "decomposed Latin accents drop too");
        assertEquals(Iris.slug("МИНСК"), minsk, "case is folded before encoding");
        assertValidIri(Iris.entity(EntityType.PLACE, "Минск"));
        assertValidIri(Iris.entity(EntityType.PERSON, "習近平"));
        assertValidIri(Iris.entity(EntityType.ORGANIZATION, "\uD83D\uDE80 Rocket Lab"));
        assertEquals("rocket-lab", Iris.slug("\uD83D\uDE80 Rocket Lab"), "symbols separate, they are not names");
    }

    @Test
    void nothingReadableStillGivesAStableSegment() {
        String a = Iris.slug("!!!");
        assertTrue(a.matches("x[0-9a-f]+"), a);
        assertEquals(a, Iris.slug("!!!"));
        assertNotEquals(a, Iris.slug("???"));
    }

    @Test
    void patterns() {
        Node doc = Iris.document("0123456789abcdef");
        assertEquals("https://w3id.org/newskg/id/doc/0123456789abcdef", doc.getURI());
        assertEquals(doc.getURI() + "#mention-120-131", Iris.mention(doc, 120, 131).getURI());
        assertEquals(doc.getURI() + "#mention-120-131", Iris.mention(doc, 120, 131, 1).getURI());
        assertEquals(doc.getURI() + "#mention-120-131-2", Iris.mention(doc, 120, 131, 2).getURI());
        assertEquals(doc.getURI() + "#cue-7-11", Iris.cue(doc, 7, 11).getURI());
        assertEquals(doc.getURI() + "#statement-3", Iris.statement(doc, 3).getURI());
        assertEquals(doc.getURI() + "#membership-1", Iris.membership(doc, 1).getURI());
        assertEquals(doc.getURI() + "#event-2", Iris.event(doc, 2).getURI());
        assertEquals(doc.getURI() + "#extraction", Iris.extraction(doc).getURI());
        assertEquals(NKG.ID + "role/deputy-minister-of-defense", Iris.role("Deputy Minister of Defense").getURI());
        assertEquals(NKG.ID + "agent/newskg/0.1.0", Iris.agent("0.1.0").getURI());
        assertEquals(NKG.ID + "agent/newskg/0.2.0-SNAPSHOT", Iris.agent("0.2.0-SNAPSHOT").getURI());
        List<String> segments = List.of("person", "org", "place", "group", "event", "thing");
        for (int i = 0; i < EntityType.values().length; i++) {
            assertEquals(NKG.ID + segments.get(i) + "/a-b", Iris.entity(EntityType.values()[i], "A b").getURI());
        }
    }

    @Test
    void entitiesWithoutIdentityLiveInTheirDocument() {
        Node doc = Iris.document("0123456789abcdef");
        Entity officials = new Entity("g1", EntityType.GROUP, "officials", null, List.of("officials"), null);
        assertEquals(doc.getURI() + "#group-g1", Iris.entity(doc, officials).getURI());
        Entity named = new Entity("p1", EntityType.PERSON, "Ana Lima", "ana lima", List.of("Ana Lima"), null);
        assertEquals(NKG.ID + "person/ana-lima", Iris.entity(doc, named).getURI());
        assertFalse(Iris.entity(doc, named).getURI().contains("#"));
    }

    @Test
    void badInputIsRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Iris.mention(Iris.mention(Iris.document("abc"), 1, 2), 3, 4));
        assertTrue(e.getMessage().contains("#mention-1-2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Iris.entity(EntityType.PERSON, " "));
        assertThrows(IllegalArgumentException.class, () -> Iris.role(""));
    }
}
