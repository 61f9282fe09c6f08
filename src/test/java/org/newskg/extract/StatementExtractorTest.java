package org.newskg.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newskg.text.AnnotatedText;
import org.newskg.text.CleanText;
import org.newskg.text.Linguistics;
import org.newskg.text.Span;

class StatementExtractorTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 14);
    private final StatementExtractor extractor = new StatementExtractor();

    private List<Statement> run(String text) {
        return run(text, Entities.NONE);
    }

    private List<Statement> run(String text, Entities entities) {
        AnnotatedText annotated = Linguistics.english().annotate(CleanText.unchanged(text));
        List<Event> events = new EventExtractor().extract(annotated, entities, DAY);
        return extractor.extract(annotated, entities, events, DAY);
    }

    private static Statement only(List<Statement> found) {
        assertEquals(1, found.size(), "statements: " + found);
        return found.get(0);
    }

    private static String of(String text, Span span) {
        return span == null ? null : span.of(text);
    }

    @Test
    void indirectSpeechWithThatKeepsThatInTheContent() {
        String t = "The harbour master stressed that the ferries would sail again on Friday.";
        Statement s = only(run(t));
        assertEquals(Statement.Kind.INDIRECT_SPEECH, s.kind());
        assertEquals("that the ferries would sail again on Friday", of(t, s.content()));
        assertEquals("stress", s.cueLemma());
        assertEquals("stressed", of(t, s.cue()));
        assertTrue(of(t, s.speakerSpan()).endsWith("master"), of(t, s.speakerSpan()));
        assertEquals(DAY, s.date(), "a date inside the content is not when it was said");
    }

    @Test
    void contentBeforeTheCue() {
        String t = "The new bridge will open in June, the mayor said.";
        Statement s = only(run(t));
        assertEquals("The new bridge will open in June", of(t, s.content()));
        assertEquals("say", s.cueLemma());
        assertEquals("the mayor", of(t, s.speakerSpan()));
        assertEquals(DAY, s.date());
    }

    @Test
    void directQuoteKeepsItsMarks() {
        String t = "“We will not give up the orchard,” Ada Fenwick said on Tuesday.";
        Statement s = only(run(t));
        assertEquals(Statement.Kind.DIRECT_QUOTE, s.kind());
        assertEquals("“We will not give up the orchard,”", of(t, s.content()));
        assertEquals("Ada Fenwick", of(t, s.speakerSpan()));
        assertEquals(LocalDate.of(2024, 3, 12), s.date());
    }

    @Test
    void quoteSplitByItsCueIsOneStatement() {
        String t = "\"The deal,\" she said, \"is dead and buried.\"";
        Statement s = only(run(t));
        assertEquals(Statement.Kind.DIRECT_QUOTE, s.kind());
        assertEquals(t, of(t, s.content()));
        assertEquals("she", of(t, s.speakerSpan()));
    }

    @Test
    void invertedCueAndSingleCurlyQuotes() {
        String t = "‘Nobody asked the farmers,’ said Tomas Verhoeven, a grain trader.";
        Statement s = only(run(t));
        assertEquals("‘Nobody asked the farmers,’", of(t, s.content()));
        assertTrue(of(t, s.speakerSpan()).startsWith("Tomas Verhoeven"), of(t, s.speakerSpan()));
    }

    @Test
    void quoteContinuingOverParagraphs() {
        String t = "The coach said: “We trained hard all winter.\n\n“Now the season can start.”";
        Statement s = only(run(t));
        assertEquals("“We trained hard all winter.\n\n“Now the season can start.”", of(t, s.content()));
    }

    @Test
    void accordingToInBothOrders() {
        String a = "According to the weather service, the storm will reach the coast tonight.";
        Statement s = only(run(a));
        assertEquals(Statement.Kind.ACCORDING_TO, s.kind());
        assertEquals("the storm will reach the coast tonight", of(a, s.content()));
        assertEquals("according to", s.cueLemma());
        assertTrue(of(a, s.speakerSpan()).contains("weather service"));

        String b = "The storm will reach the coast tonight, according to the weather service.";
        Statement r = only(run(b));
        assertEquals("The storm will reach the coast tonight", of(b, r.content()));
        assertTrue(of(b, r.speakerSpan()).contains("weather service"));
    }

    @Test
    void beliefsAreStatementsWithLowerConfidence() {
        String t = "Local officials fear that the river will flood the old town.";
        Statement s = only(run(t));
        assertEquals(Statement.Kind.BELIEF, s.kind());
        assertEquals("fear", s.cueLemma());
        assertEquals("officials", t.substring(s.speakerSpan().end() - "officials".length(), s.speakerSpan().end()));
        String said = "Local officials said that the river will flood the old town.";
        Entities group = new Entities(List.of(new Entity("g1", EntityType.GROUP, "Local officials", "local officials",
                List.of("Local officials"), null)), List.of(new Mention(new Span(0, 15), "Local officials", "g1",
                Mention.Kind.DESCRIPTION, null, 0.7)), List.of());
        assertTrue(only(run(t, group)).confidence() < only(run(said, group)).confidence(),
                "a stated fear is less often an attribution than a statement");
    }

    @Test
    void intention() {
        String t = "She wants to rebuild the library before winter.";
        Statement s = only(run(t));
        assertEquals(Statement.Kind.BELIEF, s.kind());
        assertEquals("to rebuild the library before winter", of(t, s.content()));
    }

    @Test
    void headlineForm() {
        String t = "Minister: talks on the canal will resume\n\nThe text of the article follows here.";
        Statement s = only(run(t));
        assertEquals("Minister", of(t, s.speakerSpan()));
        assertEquals(":", s.cueLemma());
        assertEquals("talks on the canal will resume", of(t, s.content()));
    }

    @Test
    void nestedAttributionIsItsOwnStatement() {
        String t = "The senator said the governor told her that the tunnel is unsafe.";
        List<Statement> found = run(t);
        assertEquals(2, found.size(), found.toString());
        assertEquals("the governor told her that the tunnel is unsafe", of(t, found.get(0).content()));
        assertEquals("that the tunnel is unsafe", of(t, found.get(1).content()));
        assertEquals("tell", found.get(1).cueLemma());
    }

    @Test
    void aNestedQuotationIsItsOwnStatement() {
        String t = "The senator said the governor had told her: \"The tunnel is unsafe.\"";
        List<Statement> found = run(t);
        assertEquals(2, found.size(), found.toString());
        assertEquals("\"The tunnel is unsafe.\"", of(t, found.get(1).content()));
    }

    @Test
    void aSpeechVerbWithOnlyAnObjectInsideReportedSpeechIsPartOfWhatWasSaid() {
        String t = "The senator said the governor defended the tunnel project at length.";
        Statement s = only(run(t));
        assertEquals("say", s.cueLemma());
    }

    @Test
    void aBeliefInsideReportedSpeechIsPartOfWhatWasSaid() {
        String t = "The senator said the governor believes the tunnel is unsafe.";
        Statement s = only(run(t));
        assertEquals("say", s.cueLemma());
        assertEquals("the governor believes the tunnel is unsafe", of(t, s.content()));
    }

    @Test
    void aSpeechVerbTaggedAsAuxiliaryIsStillACue() {
        String t = "“We started the fund because we believe in it,” Moreau said onstage on Friday night.";
        Statement s = only(run(t));
        assertEquals("say", s.cueLemma());
        assertEquals("“We started the fund because we believe in it,”", of(t, s.content()));
    }

    @Test
    void anAdjunctAfterTheAddresseeLeavesTheContentBeforeTheCue() {
        String t = "This is not about the party, the mayor told her staff as she prepared the speech.";
        Statement s = only(run(t));
        assertEquals("tell", s.cueLemma());
        assertEquals("This is not about the party", of(t, s.content()));
    }

    @Test
    void aSecondVerbPhraseOfTheSourceEndsTheContent() {
        String t = "The mayor denied the allegations and accused the council of leaking documents.";
        List<Statement> found = run(t);
        assertEquals("deny", found.get(0).cueLemma());
        assertEquals("the allegations", of(t, found.get(0).content()));
    }

    @Test
    void aParticipleCueTakesItsContentFromTheRight() {
        String t = "The club closed early, the owner said, adding, \"Nobody wanted to stay in the rain.\"";
        List<Statement> found = run(t);
        assertEquals(2, found.size(), found.toString());
        assertEquals("\"Nobody wanted to stay in the rain.\"", of(t, found.get(1).content()));
    }

    @Test
    void noAttributionInsideTheSpeakersOwnWords() {
        String t = "“I think the plan is fine,” the engineer said.";
        Statement s = only(run(t));
        assertEquals("say", s.cueLemma());
    }

    @Test
    void placeStandingForItsGovernmentAndGroupsSpeak() {
        String t = "Oslo insists that the fishing quota is fair. Analysts warned that prices would rise.";
        List<Statement> found = run(t);
        assertEquals(2, found.size(), found.toString());
        assertEquals("Oslo", of(t, found.get(0).speakerSpan()));
        assertEquals("Analysts", of(t, found.get(1).speakerSpan()));

        int oslo = t.indexOf("Oslo");
        Entities entities = new Entities(
                List.of(new Entity("e1", EntityType.PLACE, "Oslo", "oslo", List.of("Oslo"), null)),
                List.of(new Mention(new Span(oslo, oslo + 4), "Oslo", "e1", Mention.Kind.NAME, "government", 0.9)),
                List.of());
        assertEquals("e1", run(t, entities).get(0).speaker());
    }

    @Test
    void pronounSpeakerResolvesThroughTheHandedOverMentions() {
        String t = "Mira Castell runs the port. She told reporters that the cranes were too old.";
        int name = t.indexOf("Mira Castell");
        int she = t.indexOf("She");
        Entities entities = new Entities(
                List.of(new Entity("p1", EntityType.PERSON, "Mira Castell", "mira castell", List.of("Mira Castell"), null)),
                List.of(new Mention(new Span(name, name + 12), "Mira Castell", "p1", Mention.Kind.NAME, null, 0.95),
                        new Mention(new Span(she, she + 3), "She", "p1", Mention.Kind.PRONOUN, null, 0.8)),
                List.of());
        Statement s = only(run(t, entities));
        assertEquals("p1", s.speaker());
        assertEquals("She", of(t, s.speakerSpan()));
        assertEquals("tell", s.cueLemma());
        assertEquals("that the cranes were too old", of(t, s.content()));

        String named = "Mira Castell told reporters that the cranes were too old.";
        Entities byName = new Entities(entities.entities(),
                List.of(new Mention(new Span(0, 12), "Mira Castell", "p1", Mention.Kind.NAME, null, 0.95)), List.of());
        double unresolved = only(run(t)).confidence();
        assertTrue(unresolved < s.confidence(), "a pronoun with no antecedent is less sure than one resolved");
        assertTrue(unresolved < only(run(named, byName)).confidence(), "... and than a name");
    }

    @Test
    void aDescriptionWithAnApposedNameSpeaksThroughTheName() {
        for (String lead : List.of("Her Danish colleague", "The mayor of Lund")) {
            String t = lead + ", Jonas Berg, stressed that the tunnel was safe.";
            int name = t.indexOf("Jonas Berg");
            Entities entities = new Entities(
                    List.of(new Entity("p1", EntityType.PERSON, "Jonas Berg", "jonas berg", List.of("Jonas Berg"), null)),
                    List.of(new Mention(new Span(name, name + 10), "Jonas Berg", "p1", Mention.Kind.NAME, null, 0.9)),
                    List.of());
            Statement s = only(run(t, entities));
            assertEquals("p1", s.speaker(), t);
            assertTrue(of(t, s.speakerSpan()).endsWith("Jonas Berg"), of(t, s.speakerSpan()));
            assertEquals("that the tunnel was safe", of(t, s.content()));
        }
    }

    @Test
    void venueFromAnInterviewInTheSameSentence() {
        String t = "In an interview with Radio Meridian on 2 March, the admiral said that the fleet was ready.";
        AnnotatedText annotated = Linguistics.english().annotate(CleanText.unchanged(t));
        List<Event> events = new EventExtractor().extract(annotated, Entities.NONE, DAY);
        Statement s = only(extractor.extract(annotated, Entities.NONE, events, DAY));
        assertNotNull(s.venue());
        Event venue = events.stream().filter(e -> e.key().equals(s.venue())).findFirst().orElseThrow();
        assertEquals(Event.Type.INTERVIEW, venue.type());
        assertEquals(LocalDate.of(2024, 3, 2), s.date());
    }

    @Test
    void definiteReferenceToAnEarlierBriefing() {
        String t = "The spokesman held a press conference on Monday. During the briefing, he said the border would stay open.";
        AnnotatedText annotated = Linguistics.english().annotate(CleanText.unchanged(t));
        List<Event> events = new EventExtractor().extract(annotated, Entities.NONE, DAY);
        assertEquals(1, events.size(), events.toString());
        List<Statement> found = new ArrayList<>(extractor.extract(annotated, Entities.NONE, events, DAY));
        found.removeIf(s -> !s.cueLemma().equals("say"));
        assertEquals(events.get(0).key(), only(found).venue());
        assertEquals(LocalDate.of(2024, 3, 11), only(found).date());
    }

    @Test
    void plainNarrativeHasNoStatements() {
        assertTrue(run("The train left the station at noon and reached the coast by evening.").isEmpty());
    }

    @Test
    void aPassiveCueWithoutAgentHasAnUnnamedSource() {
        String t = "The council is expected to approve the harbour budget next week.";
        Statement s = only(run(t));
        assertEquals("expect", s.cueLemma());
        assertEquals("is expected", of(t, s.cue()));
        assertEquals("The council is expected to approve the harbour budget next week", of(t, s.content()));
        assertEquals(null, s.speakerSpan());
    }

    @Test
    void accordingToInsideTheSentenceKeepsBothHalvesOfTheContent() {
        String t = "The main difference, according to the survey, is the age of the voters.";
        Statement s = only(run(t));
        assertEquals("according to", s.cueLemma());
        assertEquals("the survey", of(t, s.speakerSpan()));
        assertEquals("The main difference, according to the survey, is the age of the voters", of(t, s.content()));
    }

    @Test
    void participlesThatNameOrModifyAreNoCues() {
        assertTrue(run("A choir called Northern Lights sang at the opening.").isEmpty());
        assertTrue(run("The party won 40 pledged delegates in the north.").isEmpty());
        Statement s = only(run("Residents called the new timetable a disaster."));
        assertEquals("call", s.cueLemma());
    }

    @Test
    void pageLabelsBeforeAColonAreNoSources() {
        assertTrue(run("Breaking: Floods close the coastal road").isEmpty());
        assertTrue(run("Photo: The old bridge at dawn").isEmpty());
        assertTrue(run("Contributing: Ana Lind and Per Holm").isEmpty());
        Statement s = only(run("Mayor: The old bridge will be rebuilt"));
        assertEquals("Mayor", of("Mayor: The old bridge will be rebuilt", s.speakerSpan()));
    }

    @Test
    void anInvertedCueIsFollowedByAnAppositionNotMoreContent() {
        String t = "The tunnel will stay shut until spring, said Ana Ruiz, an engineer who has inspected it twice.";
        Statement s = only(run(t));
        assertEquals("The tunnel will stay shut until spring", of(t, s.content()));
    }

    @Test
    void aQuoteJustBeforeAShortSentenceWithItsSpeakerIsItsContent() {
        String t = "“The harbour is ours again.” Ortiz said.";
        Statement s = only(run(t));
        assertEquals("“The harbour is ours again.”", of(t, s.content()));
        assertEquals("Ortiz", of(t, s.speakerSpan()));
    }

    @Test
    void aParenthesisAfterTheNameIsPartOfTheSource() {
        String t = "“We have the votes,” Rep. Ana Lind (D-Maine) said.";
        Statement s = only(run(t));
        assertEquals("Rep. Ana Lind (D-Maine)", of(t, s.speakerSpan()));
    }

    @Test
    void theAddresseeIsNotSkippedWhenItIsTheSubjectOfTheContent() {
        String t = "The engineer warned the dam would not hold.";
        assertEquals("the dam would not hold", of(t, only(run(t)).content()));
        String u = "Port records show the ship was insured for a million euros.";
        assertEquals("the ship was insured for a million euros", of(u, only(run(u)).content()));
    }

    @Test
    void aSecondVerbPhraseAfterButIsNotContent() {
        String t = "The spokesman admitted that the count was late but insisted that it was accurate.";
        List<Statement> found = run(t);
        assertEquals(2, found.size(), found.toString());
        assertEquals("that the count was late", of(t, found.get(0).content()));
        assertEquals("that it was accurate", of(t, found.get(1).content()));
    }

    @Test
    void whatWasTalkedAboutIsTheObjectOfAbout() {
        String t = "The minister has said little about the pension reform.";
        assertEquals("the pension reform", of(t, only(run(t)).content()));
    }

    @Test
    void aParticipleSharesTheSourceOfTheCueBeforeIt() {
        String t = "“The pier is closed,” the harbour master said, adding that repairs would take a month.";
        List<Statement> found = run(t);
        assertEquals(2, found.size(), found.toString());
        assertEquals("add", found.get(1).cueLemma());
        assertEquals("the harbour master", of(t, found.get(1).speakerSpan()));
    }

    @Test
    void continuedReportsSpeechOnlyNextToAQuotation() {
        String t = "“We will rebuild the school,” the principal continued.";
        assertEquals("continue", only(run(t)).cueLemma());
        assertTrue(run("Ticket prices continued to rise through the summer.").isEmpty());
    }

    @Test
    void aSentenceOpeningWithADocumentAttributesTheRestToIt() {
        String t = "In the latest survey, the governor leads by six points.";
        Statement s = only(run(t));
        assertEquals("in", s.cueLemma());
        assertEquals("the latest survey", of(t, s.speakerSpan()));
        assertEquals("the governor leads by six points", of(t, s.content()));
        assertTrue(run("In the morning, the ferry left the harbour early.").isEmpty());
    }

    @Test
    void aSentenceInitialAsClauseIntroducesTheContent() {
        String t = "As the auditor noted, the accounts were never signed.";
        Statement s = only(run(t));
        assertEquals("note", s.cueLemma());
        assertEquals("the accounts were never signed", of(t, s.content()));
    }

    @Test
    void aQuantifierCanBeTheSource() {
        String t = "Few believe the truce will last.";
        Statement s = only(run(t));
        assertEquals("Few", of(t, s.speakerSpan()));
        assertEquals("the truce will last", of(t, s.content()));
    }

    @Test
    void aSemicolonAfterTheCueLeavesTheContentBeforeIt() {
        String t = "Turnout will decide the race, pollsters say; in 2020 it was low.";
        assertEquals("Turnout will decide the race", of(t, only(run(t)).content()));
    }

    @Test
    void aTitleCaseHeadlineSplitsAtItsReportingVerb() {
        String t = "Harbour Union Urges City to Delay Ferry Cuts\nThe council meets on Monday.";
        Statement s = only(run(t));
        assertEquals("urge", s.cueLemma());
        assertEquals("Harbour Union", of(t, s.speakerSpan()));
        assertEquals("City to Delay Ferry Cuts", of(t, s.content()));
    }

    @Test
    void aTranscriptTurnRunsToTheEndOfItsParagraph() {
        String t = "LARSEN: The tunnel is safe. We checked it twice.\nThe hearing ended at noon.";
        Statement s = only(run(t));
        assertEquals("The tunnel is safe. We checked it twice", of(t, s.content()));
    }

    @Test
    void aCueTheLemmatiserLeftInflectedIsStillACue() {
        String t = "The mayor left the hall, pledging that the library would reopen.";
        Statement s = only(run(t));
        assertEquals("pledge", s.cueLemma());
        assertEquals("that the library would reopen", of(t, s.content()));
    }

    @Test
    void aColonAfterAShortPhraseOpensTheContent() {
        String t = "Her aide whispered to her: \"They are still with you.\"";
        Statement s = only(run(t));
        assertEquals("\"They are still with you.\"", of(t, s.content()));
        assertEquals("Her aide", of(t, s.speakerSpan()));
    }

    @Test
    void aBeliefCanCloseTheSentence() {
        String t = "The ceasefire will hold, diplomats believe.";
        Statement s = only(run(t));
        assertEquals("believe", s.cueLemma());
        assertEquals("The ceasefire will hold", of(t, s.content()));
    }

    @Test
    void aLeadingConjunctionIsNotContent() {
        String t = "But, the treasurer added, the fund is not empty.";
        assertEquals("the fund is not empty", of(t, only(run(t)).content()));
    }

    @Test
    void anObjectPronounAfterACommaIsNoInvertedSource() {
        String t = "The coach praised the team, called them \"brave\" and left.";
        List<Statement> found = run(t);
        assertTrue(found.stream().noneMatch(s -> "them".equals(of(t, s.speakerSpan()))), found.toString());
    }

    @Test
    void aLeadingAdverbialClauseIsNotTheContent() {
        String t = "When pressed by the panel, the director apologised for the delay.";
        Statement s = only(run(t));
        assertEquals("for the delay", of(t, s.content()));
        String u = "If the vote fails, the chairman said, the talks will end.";
        assertEquals("If the vote fails, the chairman said, the talks will end", of(u, only(run(u)).content()));
    }

    @Test
    void aStanceAdjectiveAfterACopulaIsACue() {
        String t = "The governor was confident that the levee would hold.";
        Statement s = only(run(t));
        assertEquals("confident", s.cueLemma());
        assertEquals("The governor", of(t, s.speakerSpan()));
        assertEquals("that the levee would hold", of(t, s.content()));
        assertTrue(run("The sky was clear over the harbour.").isEmpty());
    }

    @Test
    void aNominalCueWithItsHolderAndComplement() {
        String t = "The mayor's criticism of the tram plan surprised the council.";
        Statement s = only(run(t));
        assertEquals("criticism", s.cueLemma());
        assertEquals("The mayor's", of(t, s.speakerSpan()));
        assertEquals("the tram plan", of(t, s.content()));
        assertTrue(run("Support for the tram plan grew over the summer.").isEmpty());
    }

    @Test
    void aRelativeClauseAfterTheSubjectStaysInTheContent() {
        String t = "The auditor said that the fund, which the council set up, had run dry.";
        assertEquals("that the fund, which the council set up, had run dry", of(t, only(run(t)).content()));
    }

    @Test
    void whatSomeoneSpokeAboutIsTheContent() {
        String t = "The curator wrote about the fire in her memoir.";
        assertEquals("about the fire in her memoir", of(t, only(run(t)).content()));
    }

    @Test
    void aDescriptionTheTaggerReadsAsAdjectivesIsStillTheSource() {
        String t = "The Danish official elaborated that the border checks would end in May.";
        Statement s = only(run(t));
        assertEquals("The Danish official", of(t, s.speakerSpan()));
    }

    @Test
    void anAsideBetweenDashesStaysInTheContent() {
        String t = "The warden said the bridge — closed since March — would reopen in June.";
        assertEquals("the bridge — closed since March — would reopen in June", of(t, only(run(t)).content()));
    }

    @Test
    void theOccasionBeforeTheSpeakerIsNotPartOfTheQuote() {
        String t = "Asked whether the ferry would run in winter, Maud Quill said, \"Only if the ice allows it.\"";
        Statement s = run(t).stream().filter(x -> x.cueLemma().equals("say")).findFirst().orElseThrow();
        assertEquals("\"Only if the ice allows it.\"", of(t, s.content()));
        assertEquals("Maud Quill", of(t, s.speakerSpan()));
    }

    @Test
    void aQuotationAfterAParaphraseEndingInAQuoteContinuesIt() {
        String t = "The season was a \"small miracle,\" Ivo Brant said. \"Nobody here thought the juniors would win.\"";
        Statement s = run(t).stream().filter(x -> x.cueLemma().equals("say")).findFirst().orElseThrow();
        assertTrue(of(t, s.content()).startsWith("The season") && of(t, s.content()).endsWith("win.\""), of(t, s.content()));
    }

    @Test
    void aQuotationHoldingANestedBeliefStillContinuesTheOneBefore() {
        String t = "\"The pier is safe,\" said Ruth Okafor. \"I think the engineers have checked every beam.\"";
        List<Statement> found = run(t);
        Statement outer = found.stream().filter(x -> x.cueLemma().equals("say")).findFirst().orElseThrow();
        assertTrue(of(t, outer.content()).startsWith("\"The pier") && of(t, outer.content()).endsWith("beam.\""), of(t, outer.content()));
    }

    @Test
    void anAsClauseAfterAConjunctionTakesTheClauseThatFollows() {
        String t = "The school can still close, and as the inspector noted, parents could lose their places.";
        Statement s = only(run(t));
        assertEquals("parents could lose their places", of(t, s.content()));
        assertEquals("the inspector", of(t, s.speakerSpan()));
    }

    @Test
    void aPassiveWithAnAgentHasTheAgentAsSource() {
        String t = "The closure of the mill was first reported by a regional newspaper.";
        Statement s = only(run(t));
        assertEquals("report", s.cueLemma());
        assertEquals("a regional newspaper", of(t, s.speakerSpan()));
        assertEquals("The closure of the mill", of(t, s.content()));
    }

    @Test
    void aPassiveAgentIsNoSourceForAPronounSubject() {
        assertTrue(run("It was reported by a regional newspaper.").isEmpty());
    }

    @Test
    void aSentenceFinalCueTheTaggerReadsAsANounIsStillACue() {
        String t = "The new quarry poisoned two wells near the village, which had no other water, the complaint alleges.";
        Statement s = only(run(t));
        assertEquals("allege", s.cueLemma());
        assertEquals("the complaint", of(t, s.speakerSpan()));
        assertTrue(of(t, s.content()).startsWith("The new quarry"), of(t, s.content()));
    }

    @Test
    void aSourceWithAnOfOrForPhraseKeepsItsHeadNoun() {
        String t = "A spokeswoman for the port authority said that the cranes would be replaced.";
        Statement s = only(run(t));
        assertEquals("A spokeswoman for the port authority", of(t, s.speakerSpan()));
        String u = "The head of the harbour union said that the cranes would be replaced.";
        assertTrue(of(u, only(run(u)).speakerSpan()).startsWith("The head of"), of(u, only(run(u)).speakerSpan()));
    }

    @Test
    void aRunOnOfManyCuesGivesStatementsLinearInItsLength() {
        // scraped text without full stops, a cue and a quotation mark over and over: if every statement ran to the end
        // of the run-on, the content written would grow with the square of its length
        long small = contentChars(run(runOn(300)));
        long large = contentChars(run(runOn(1_200)));
        assertTrue(small > 0, "statements found");
        assertTrue(large < 6 * small, "four times the text gives " + large + " content characters against " + small);
    }

    private static String runOn(int cues) {
        return "Lena Holt said \"".repeat(cues) + " and then " + "\" ".repeat(cues * 5 / 3) + ".";
    }

    private static long contentChars(List<Statement> statements) {
        return statements.stream().mapToLong(st -> st.content().end() - st.content().begin()).sum();
    }
}
