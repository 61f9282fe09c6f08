package org.newskg.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Features and decisions on hand-made profiles and candidates. */
class ScorerTest {

    static EntityProfile person(List<String> names, List<String> titles, Set<String> countries, LocalDate date) {
        return new EntityProfile("https://w3id.org/newskg/id/person/x", names.get(0), "Person", names, titles, List.of(),
                countries, date == null ? Set.of() : Set.of(date), Set.of("d1"));
    }

    static Candidate human(String qid, String name, List<Candidate.Position> positions, String citizenship) {
        return new Candidate(qid, List.of(name), "", Set.of("Q5"), positions,
                citizenship == null ? Map.of() : Map.of("P27", List.of(new Candidate.Item("Q30", citizenship))), 0, "test");
    }

    @Test
    void namesAreTransliterationAware() {
        assertEquals(1.0, Names.similarity(List.of("Aleksandr Lukašenko"), List.of("Alexander Lukasenko"), true));
        assertEquals(0.5, Names.similarity(List.of("Quist"), List.of("Maren Quist"), true));
        assertEquals(0.0, Names.similarity(List.of("Gordon Brown"), List.of("Sherrod Brown"), true));
    }

    @Test
    void aPersonIsNeverAPlaceAndNationalityContradictsCitizenship() {
        EntityProfile p = person(List.of("Georgia Lane"), List.of("British minister"), Set.of("United Kingdom"), null);
        Candidate place = new Candidate("Q1", List.of("Georgia Lane"), "", Set.of("Q2221906"), List.of(), Map.of(), 0, "t");
        assertNull(new Scorer().score(p, place, Set.of()));
        Scorer.Scored us = new Scorer().score(p, human("Q2", "Georgia Lane", List.of(), "United States of America"), Set.of());
        Scorer.Scored uk = new Scorer().score(p, human("Q3", "Georgia Lane", List.of(), "United Kingdom"), Set.of());
        assertEquals(-1.0, us.features().get("citizenship"));
        assertTrue(uk.score() > us.score() + Linker.MARGIN);
        assertEquals("auto", Linker.decide(p, List.of(us, uk), Map.of()).get(0).status());
        assertEquals("Q3", Linker.decide(p, List.of(us, uk), Map.of()).get(0).qid());
    }

    @Test
    void aSurnameAloneIsNotEnoughButAPositionOnTheDateIs() {
        Candidate.Position senate = new Candidate.Position("Q4416090", "United States senator", LocalDate.of(2001, 1, 3), LocalDate.of(2011, 1, 3));
        Candidate c = human("Q9", "Maren Quist", List.of(senate), null);
        EntityProfile bare = person(List.of("Quist"), List.of(), Set.of(), LocalDate.of(2005, 1, 1));
        assertEquals("pending", Linker.decide(bare, List.of(new Scorer().score(bare, c, Set.of())), Map.of()).get(0).status());
        EntityProfile senator = person(List.of("Quist"), List.of("Senator"), Set.of(), LocalDate.of(2005, 1, 1));
        assertEquals("auto", Linker.decide(senator, List.of(new Scorer().score(senator, c, Set.of())), Map.of()).get(0).status());
        EntityProfile later = person(List.of("Quist"), List.of("Senator"), Set.of(), LocalDate.of(2020, 1, 1));
        assertEquals(0.3, new Scorer().score(later, c, Set.of()).features().get("position"));
        // a rejection overrides the scorer
        assertEquals("rejected", Linker.decide(senator, List.of(new Scorer().score(senator, c, Set.of())), Map.of("Q9", false)).get(0).status());
    }
}
