package org.newskg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.newskg.text.AnnotatedText;
import org.newskg.text.ArticleHeader;
import org.newskg.text.CleanText;
import org.newskg.text.Linguistics;
import org.newskg.text.Span;

class EntityRecognizerTest {

    private static final LocalDate DATE = LocalDate.of(2024, 3, 5);
    private final EntityRecognizer recognizer = new EntityRecognizer();

    private Entities recognize(String text) {
        return recognizer.recognize(Linguistics.english().annotate(CleanText.unchanged(text)), DATE);
    }

    private static Entity named(Entities found, String surface) {
        Mention m = mention(found, surface).orElseThrow(() -> new AssertionError("no mention '" + surface + "' in " + found.mentions()));
        return found.entity(m.entity()).orElseThrow();
    }

    private static Optional<Mention> mention(Entities found, String surface) {
        return found.mentions().stream().filter(m -> m.surface().equals(surface)).findFirst();
    }

    private static List<RoleClaim> rolesOf(Entities found, Entity person) {
        return found.roles().stream().filter(r -> r.person().equals(person.key())).toList();
    }

    @Test
    void titleBeforeNameGivesPersonAndClaim() {
        Entities found = recognize("Colonel Petr Novak inspected the new depot near the border.");
        Entity novak = named(found, "Petr Novak");
        assertEquals(EntityType.PERSON, novak.type());
        List<RoleClaim> roles = rolesOf(found, novak);
        assertEquals(1, roles.size(), roles.toString());
        assertEquals("Colonel", roles.get(0).title());
        assertEquals(DATE, roles.get(0).asOf());
        assertTrue(mention(found, "Colonel Petr Novak").isEmpty(), "the title is not part of the name");
    }

    @Test
    void aTitleThatIntroducesANewNameIsNoAppositiveOfTheNameBefore() {
        Entities found = recognize("In an interview with Radio Nord, Dutch Agriculture Minister Pieter de Wit defended the plan.");
        assertEquals(EntityType.ORGANIZATION, named(found, "Radio Nord").type());
        Entity wit = named(found, "Pieter de Wit");
        assertEquals(List.of("Dutch Agriculture Minister"), rolesOf(found, wit).stream().map(RoleClaim::title).toList());
        assertTrue(found.roles().stream().allMatch(r -> r.person().equals(wit.key())), found.roles().toString());
    }

    @Test
    void titleClaimsEndInTheirHeadAndCoordinatedTitlesAreKeptAsParts() {
        Entities found = recognize("Lars Holm, the head of the Department of Coastal Logistics and assistant to the Head of "
                + "the Danish Ministry of Defence, wrote that the plan was ready.");
        Entity holm = named(found, "Lars Holm");
        List<String> titles = rolesOf(found, holm).stream().map(RoleClaim::title).sorted().toList();
        assertEquals(List.of("assistant to the Head of the Danish Ministry of Defence", "head of the Department of Coastal Logistics"),
                titles);
    }

    @Test
    void aDescriptionBeforeANameDescribesThatName() {
        Entities found = recognize("Defence Minister Erik Dahl spoke on Monday. On Tuesday, the head of the Northern Fleet "
                + "Logistics Department, Assistant to the Navy Minister for Coastal Affairs Captain Lars Holm, presented the plan.");
        Entity dahl = named(found, "Erik Dahl");
        Entity holm = named(found, "Lars Holm");
        assertTrue(rolesOf(found, holm).stream().anyMatch(r -> r.title().equals("head of the Northern Fleet Logistics Department")),
                found.roles().toString());
        assertTrue(rolesOf(found, dahl).stream().noneMatch(r -> r.title().contains("Logistics")), found.roles().toString());
        assertTrue(found.entities().stream().noneMatch(e -> e.type() == EntityType.PERSON && e.name().equals("Affairs")),
                found.entities().toString());
    }

    @Test
    void demonymAndLowerCaseTitleBeforeName() {
        Entities found = recognize("Speaking in Riga, Moldovan defence minister Ivan Petrov promised more patrols.");
        Entity petrov = named(found, "Ivan Petrov");
        assertEquals(EntityType.PERSON, petrov.type());
        RoleClaim claim = rolesOf(found, petrov).get(0);
        assertEquals("Moldovan defence minister", claim.title());
        assertEquals("Moldova", petrov.country());
        assertEquals(EntityType.PLACE, named(found, "Riga").type());
    }

    @Test
    void coordinatedAppositiveTitlesGiveSeparateClaims() {
        String text = "Anna Kovalenko, head of the Foreign Relations Department and Deputy Minister of Defense of Moldova, "
                + "met the visitors on Tuesday.";
        Entities found = recognize(text);
        Entity anna = named(found, "Anna Kovalenko");
        List<RoleClaim> roles = rolesOf(found, anna);
        assertEquals(2, roles.size(), roles.toString());
        assertEquals("head of the Foreign Relations Department", roles.get(0).title());
        assertEquals("Deputy Minister of Defense of Moldova", roles.get(1).title());
        Entity department = named(found, "Foreign Relations Department");
        assertEquals(EntityType.ORGANIZATION, department.type());
        assertEquals(department.key(), roles.get(0).organization());
        assertEquals(roles.get(1).title(), roles.get(1).span().of(text));
        assertTrue(found.mentions().stream().noneMatch(m -> m.surface().contains("Deputy Minister")), found.mentions().toString());
    }

    @Test
    void relativeClauseWithHeadshipGivesAClaim() {
        Entities found = recognize("Marta Zielinska, who heads the planning office at the Polish Ministry of Finance, spoke first.");
        Entity marta = named(found, "Marta Zielinska");
        List<RoleClaim> roles = rolesOf(found, marta);
        assertEquals(1, roles.size(), roles.toString());
        assertTrue(roles.get(0).title().startsWith("heads the planning office"), roles.get(0).title());
        assertEquals(named(found, "Ministry of Finance").key(), roles.get(0).organization());
    }

    @Test
    void descriptionWithItsTitleResolvesAndClaimsOnce() {
        Entities found = recognize("Ivan Petrov, the deputy minister of defense for Moldova, arrived on Monday. "
                + "According to the official, the visit was planned long ago.");
        Entity petrov = named(found, "Ivan Petrov");
        assertEquals(petrov.key(), mention(found, "the official").orElseThrow().entity());
        assertEquals(1, rolesOf(found, petrov).size(), found.roles().toString());
    }

    @Test
    void demonymTiesOrganisationToItsCountry() {
        Entities found = recognize("On Monday the Belarusian Ministry of Defence announced new drills.");
        Entity ministry = named(found, "Ministry of Defence");
        assertEquals(EntityType.ORGANIZATION, ministry.type());
        assertEquals("Belarus", ministry.country());
        assertTrue(ministry.identityKey().startsWith("ministry of defense"), ministry.identityKey());
    }

    @Test
    void capitalStandingForItsGovernment() {
        Entities found = recognize("Minsk says the exercise is purely defensive. Tourists in Minsk saw nothing unusual.");
        List<Mention> minsk = found.mentions().stream().filter(m -> m.surface().equals("Minsk")).toList();
        assertEquals(2, minsk.size());
        assertEquals("government", minsk.get(0).role());
        assertNull(minsk.get(1).role());
        assertEquals(EntityType.PLACE, found.entity(minsk.get(0).entity()).orElseThrow().type());
    }

    @Test
    void unnamedCollectivesAreGroupsOnePerPhrase() {
        Entities found = recognize("Belarusian officials denied the report. Experts doubted it, and Belarusian officials "
                + "later repeated the denial. A senior official declined to comment.");
        Entity officials = named(found, "Belarusian officials");
        assertEquals(EntityType.GROUP, officials.type());
        assertNull(officials.identityKey());
        assertEquals(2, found.mentions().stream().filter(m -> m.entity().equals(officials.key())).count());
        assertEquals(EntityType.GROUP, named(found, "Experts").type());
        assertEquals(EntityType.GROUP, named(found, "senior official").type());
    }

    @Test
    void theNationalityOfficialGoesBackToThePersonLastNamedWhileOfficialsStayAGroup() {
        Entities found = recognize("Deputy Minister Ivan Petrov met the press in Vilnius. "
                + "The Lithuanian official elaborated that the talks would go on. Officials in Riga declined to comment.");
        Entity petrov = named(found, "Ivan Petrov");
        Mention official = mention(found, "The Lithuanian official").orElseThrow();
        assertEquals(Mention.Kind.DESCRIPTION, official.kind());
        assertEquals(petrov.key(), official.entity());
        Mention officials = mention(found, "Officials").orElseThrow();
        assertNotEquals(petrov.key(), officials.entity());
    }

    @Test
    void pronounsSurnamesAndDescriptionsResolveToThePerson() {
        Entities found = recognize("Defence Minister Ivan Petrov arrived in Vilnius on Friday. He said the talks had been useful. "
                + "The minister will return next month, Petrov added.");
        Entity petrov = named(found, "Ivan Petrov");
        Mention he = mention(found, "He").orElseThrow();
        assertEquals(Mention.Kind.PRONOUN, he.kind());
        assertEquals(petrov.key(), he.entity());
        Mention minister = mention(found, "The minister").orElseThrow();
        assertEquals(Mention.Kind.DESCRIPTION, minister.kind());
        assertEquals(petrov.key(), minister.entity());
        Mention surname = mention(found, "Petrov").orElseThrow();
        assertEquals(petrov.key(), surname.entity());
        assertEquals(List.of("Ivan Petrov", "Petrov"), petrov.names());
        for (Mention m : found.mentions()) {
            assertTrue(m.confidence() > 0 && m.confidence() <= 1, m.toString());
        }
    }

    @Test
    void pronounPrefersACompatiblePerson() {
        Entities found = recognize("Mrs Olga Sidorova met Viktor Lebed in Kyiv. She thanked the hosts.");
        Entity olga = named(found, "Olga Sidorova");
        assertEquals(olga.key(), mention(found, "She").orElseThrow().entity());
    }

    @Test
    void acronymInBracketsAndLaterNameTheSameOrganisation() {
        Entities found = recognize("The Ministry of Defence (MoD) published the figures. Later the MoD corrected them.");
        Entity ministry = named(found, "Ministry of Defence");
        List<Mention> acronyms = found.mentions().stream().filter(m -> m.surface().equals("MoD")).toList();
        assertEquals(2, acronyms.size(), found.mentions().toString());
        for (Mention m : acronyms) {
            assertEquals(ministry.key(), m.entity());
            assertEquals(Mention.Kind.ACRONYM, m.kind());
        }
        assertEquals("ministry of defense", ministry.identityKey());
    }

    @Test
    void lexiconAcronymSharesTheFullNamesIdentity() {
        Entities found = recognize("Ministers of NATO met in Brussels.");
        Entity nato = named(found, "NATO");
        assertEquals(EntityType.ORGANIZATION, nato.type());
        assertEquals("north atlantic treaty organization", nato.identityKey());
        assertEquals(Mention.Kind.ACRONYM, mention(found, "NATO").orElseThrow().kind());
    }

    @Test
    void theMinistryResolvesToTheMostRecentMinistry() {
        Entities found = recognize("The Ministry of Agriculture issued a warning. The ministry said prices would rise.");
        Entity ministry = named(found, "Ministry of Agriculture");
        Mention description = mention(found, "The ministry").orElseThrow();
        assertEquals(ministry.key(), description.entity());
    }

    @Test
    void headlineCaseLineYieldsOnlyKnownNames() {
        Entities found = recognize("Officials Say New Border Talks Will Start Soon In Vilnius\n"
                + "Border talks between the two neighbours will open next week, officials said.");
        for (Mention m : found.mentions()) {
            if (m.span().end() < 60) {
                assertTrue(m.surface().equals("Vilnius") || m.kind() != Mention.Kind.NAME, "junk from a headline: " + m);
            }
        }
        assertEquals(EntityType.PLACE, named(found, "Vilnius").type());
        assertTrue(mention(found, "New Border Talks").isEmpty());
    }

    @Test
    void sentenceInitialCommonWordsAreNotNames() {
        Entities found = recognize("Analysts expect growth. Several banks disagreed. However, the Bank of Lithuania kept rates.");
        assertTrue(found.mentions().stream().noneMatch(m -> m.surface().equals("However") || m.surface().equals("Several")));
        assertEquals(EntityType.ORGANIZATION, named(found, "Bank of Lithuania").type());
    }

    @Test
    void organisationHeadsAndPlaceContext() {
        Entities found = recognize("Kestrel Dynamics Corp said its Dravik-based unit would hire staff in Tallinn.");
        Entity company = named(found, "Kestrel Dynamics Corp");
        assertEquals(EntityType.ORGANIZATION, company.type());
        assertEquals(EntityType.PLACE, named(found, "Dravik").type());
    }

    @Test
    void companyShortFormAndPersonSurnameFindTheirFullNames() {
        Entities found = recognize("Tarrow Holdings Inc named Maria Lindqvist as chief executive. Tarrow said Lindqvist starts in May.");
        Entity company = named(found, "Tarrow Holdings Inc");
        assertEquals(company.key(), mention(found, "Tarrow").orElseThrow().entity());
        Entity maria = named(found, "Maria Lindqvist");
        assertEquals(EntityType.PERSON, maria.type());
        assertEquals(maria.key(), mention(found, "Lindqvist").orElseThrow().entity());
    }

    @Test
    void bylineAuthorAndTheTitleLineAfterIt() {
        String text = "Why the border matters\nBy Jonas Kalnins\nDirector, Baltic Council on Security Studies\nThe talks resumed.";
        int by = text.indexOf("By Jonas");
        ArticleHeader header = new ArticleHeader(new Span(0, 22), "Why the border matters", null, null,
                new Span(by, by + "By Jonas Kalnins".length()), "Jonas Kalnins", null, null);
        CleanText clean = new CleanText(text, text, List.of(), List.of(), header);
        AnnotatedText annotated = Linguistics.english().annotate(clean);
        Entities found = recognizer.recognize(annotated, DATE);
        Entity author = named(found, "Jonas Kalnins");
        assertEquals(EntityType.PERSON, author.type());
        List<RoleClaim> roles = rolesOf(found, author);
        assertFalse(roles.isEmpty(), found.toString());
        RoleClaim claim = roles.get(0);
        assertTrue(claim.title().startsWith("Director"), claim.title());
        Entity council = named(found, "Baltic Council on Security Studies");
        assertEquals(EntityType.ORGANIZATION, council.type());
        assertEquals(council.key(), claim.organization());
    }

    @Test
    void identityKeysFoldAccentsPunctuationAndSpelling() {
        assertEquals("ministry of defense", NameKeys.of("Ministry of Défence"));
        assertEquals("us", NameKeys.of("U.S."));
        assertEquals("world health organization", NameKeys.of("the World Health Organisation"));
        assertNotNull(NameKeys.of(""));
    }

    @Test
    void emptyTextGivesNothing() {
        Entities found = recognize("   ");
        assertTrue(found.entities().isEmpty());
    }

    @Test
    void transliterationsOfAGivenNameGiveOnePerson() {
        String a = named(recognize("Colonel Valeriy Hordenko said the drills would start in May."), "Valeriy Hordenko").identityKey();
        String b = named(recognize("Colonel Valery Hordenko said the drills would start in May."), "Valery Hordenko").identityKey();
        String c = named(recognize("Colonel Yauheni Marchuk said the drills would start in May."), "Yauheni Marchuk").identityKey();
        String d = named(recognize("Colonel Evgeny Marchuk said the drills would start in May."), "Evgeny Marchuk").identityKey();
        assertEquals(a, b);
        assertEquals(c, d);
        String e = named(recognize("Colonel Oleksandr Kovalenko said the drills would start in May."), "Oleksandr Kovalenko").identityKey();
        String f = named(recognize("Colonel Aleksandr Kovalenko said the drills would start in May."), "Aleksandr Kovalenko").identityKey();
        assertEquals(e, f);
    }

    @Test
    void differentGivenNamesWithOneSurnameStayTwoPeople() {
        String a = named(recognize("Anna Smith said the drills would start in May."), "Anna Smith").identityKey();
        String b = named(recognize("John Smith said the drills would start in May."), "John Smith").identityKey();
        assertNotEquals(a, b);
        String c = named(recognize("Valery Hordenko said the drills would start in May."), "Valery Hordenko").identityKey();
        String d = named(recognize("Viktor Hordenko said the drills would start in May."), "Viktor Hordenko").identityKey();
        assertNotEquals(c, d);
    }

    @Test
    void anOlderNameOfAPlaceIsTheSamePlace() {
        String a = named(recognize("The metro in Kiev reopened on Monday."), "Kiev").identityKey();
        String b = named(recognize("The metro in Kyiv reopened on Monday."), "Kyiv").identityKey();
        assertEquals(a, b);
        String c = named(recognize("Floods hit Alma-Ata on Monday."), "Alma-Ata").identityKey();
        String d = named(recognize("Floods hit Almaty on Monday."), "Almaty").identityKey();
        assertEquals(c, d);
        assertNotEquals(a, d);
    }

    @Test
    void aPlaceIsNamedByItsCurrentNameAndKeepsTheOlderOneAsAlias() {
        Entity almaty = named(recognize("Floods hit Alma-Ata on Monday."), "Alma-Ata");
        assertEquals("Almaty", almaty.name());
        assertTrue(almaty.names().contains("Alma-Ata"), almaty.names().toString());
    }

    @Test
    void aCountrysAbbreviationIsTheCountryButANeighbourIsNot() {
        Entities found = recognize("She moved to the U.S. in 1990. The United States later sold more wheat to the UK, "
                + "while England bought less.");
        Entity us = named(found, "U.S.");
        assertEquals(us.identityKey(), named(found, "United States").identityKey());
        assertEquals("United States", us.name());
        assertNotEquals(named(found, "UK").identityKey(), named(found, "England").identityKey(),
                "a part of a country is not the country");
    }

    @Test
    void aPersonIsNamedByTheMostCompleteThenMostFrequentSpelling() {
        Entity denko = named(recognize("Valeriy Denko opened the new school in the morning. Later, Valery Denko met "
                + "the teachers, and Valery Denko thanked the parents. Denko left at noon."), "Valeriy Denko");
        assertEquals("Valery Denko", denko.name(), "two uses against one");
        assertEquals(List.of("Valery Denko", "Valeriy Denko", "Denko"), denko.names());
    }

    @Test
    void aBareTitleIsNoNameButItsPlaceIs() {
        Entities found = recognize("The Defence Minister said on Monday that the army would train more reservists. "
                + "He later met the Swedish Ambassador.");
        assertTrue(mention(found, "Defence Minister").isEmpty(), found.mentions().toString());
        assertTrue(mention(found, "Swedish Ambassador").isEmpty(), found.mentions().toString());
        Entities us = recognize("She starts her new duties as U.S. Ambassador to Norway in June.");
        assertTrue(mention(us, "U.S. Ambassador").isEmpty(), us.mentions().toString());
        assertEquals(EntityType.PLACE, named(us, "U.S.").type());
        assertEquals(EntityType.PLACE, named(us, "Norway").type());
    }

    @Test
    void aLoneOrganisationHeadWithNoOrganisationForItIsNoName() {
        Entities found = recognize("Prices rose again in the north. Ministry officials said on Monday that stocks were low. "
                + "Ministry staff will count them again in May.");
        assertTrue(mention(found, "Ministry").isEmpty(), found.mentions().toString());
    }
}
