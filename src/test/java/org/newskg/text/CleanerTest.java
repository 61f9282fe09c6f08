package org.newskg.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class CleanerTest {

    private final Cleaner cleaner = new Cleaner();

    /** Cleaning must never move a character: same length, same line breaks, unmasked text identical. */
    private static void assertOffsetsKept(CleanText c) {
        assertEquals(c.original().length(), c.text().length());
        for (int i = 0; i < c.text().length(); i++) {
            char o = c.original().charAt(i);
            char t = c.text().charAt(i);
            if (o == '\n' || o == '\r') {
                assertEquals(o, t, "line break at " + i);
            } else if (t != o) {
                assertEquals(' ', t, "only spaces replace furniture, at " + i);
                int at = i;
                assertTrue(c.furniture().stream().anyMatch(f -> f.span().contains(at)), "masked but not recorded at " + i);
            }
        }
    }

    private static List<String> kinds(CleanText c) {
        return c.furniture().stream().map(CleanText.Furniture::kind).toList();
    }

    @Test
    void javadocExampleHolds() {
        CleanText clean = cleaner.clean("Port reopens\n\nShips may dock, the [mayor](#) said.\n\nRead more\n");
        assertEquals("Port reopens\n\nShips may dock, the  mayor     said.\n\n         \n", clean.text());
        assertEquals("Port reopens", clean.header().title());
    }

    @Test
    void masksTagsLeftInPlainText() {
        String text = "Harbour reopens\n<post author=\"@portauthority\" date=\"May 2\">Ships may dock again</post>\nA < B and C > D stay.\n";
        CleanText c = cleaner.clean(text);
        assertOffsetsKept(c);
        assertTrue(c.text().contains("Ships may dock again"), c.text());
        assertFalse(c.text().contains("author"), c.text());
        assertFalse(c.text().contains("</post>"), c.text());
        assertTrue(c.text().contains("A < B and C > D stay."), c.text());
        assertTrue(kinds(c).contains(Cleaner.MARKUP));
    }

    @Test
    void leavesPlainArticleAlone() {
        String text = "Ferry service resumes\nThe regional council said on Monday that the ferry would sail again. "
                + "Residents said they were relieved.\n";
        CleanText c = cleaner.clean(text);
        assertEquals(text, c.text());
        assertEquals(List.of(), c.furniture());
        assertEquals("Ferry service resumes", c.header().title());
    }

    @Test
    void masksPromptLinesOnlyAsWholeLines() {
        String body = "Farmers said they would read more about the subsidy before they decide.";
        String text = "Grain prices climb\n\nNo time to read?\nGet a summary\n\n" + body + "\n\nShare this article\n"
                + "We use cookies to improve your experience on our site.\nSubscribe now!\n";
        CleanText c = cleaner.clean(text);
        assertOffsetsKept(c);
        assertEquals(List.of(Cleaner.PROMPT, Cleaner.PROMPT, Cleaner.PROMPT, Cleaner.PROMPT, Cleaner.PROMPT), kinds(c));
        assertFalse(c.text().contains("No time"));
        assertFalse(c.text().contains("summary"));
        assertFalse(c.text().contains("cookies"));
        assertTrue(c.text().contains(body), "a phrase inside a sentence is not furniture");
        CleanText.Furniture first = c.furniture().get(0);
        assertEquals("No time to read?", first.span().of(text));
    }

    @Test
    void masksStaffCreditLines() {
        String body = "The reporters said the data would follow on Twitter later, according to the agency.";
        String text = "Tariff talks stall\n\n" + body + "\n\n(Reporting by Jo Bell; Editing by Sam Reyes)\n"
                + "Follow Jo Bell on Twitter @jobell.\n\u00a9 2021 Example Media. All rights reserved.\n";
        CleanText c = cleaner.clean(text);
        assertOffsetsKept(c);
        assertEquals(List.of(Cleaner.CREDIT, Cleaner.CREDIT, Cleaner.CREDIT), kinds(c));
        assertEquals(text.substring(0, text.indexOf("(Reporting")), c.text().substring(0, text.indexOf("(Reporting")));
        assertTrue(c.text().substring(text.indexOf("(Reporting")).isBlank());
    }

    @Test
    void masksPreviousAndNextArticleBlocksWithTheirHeadlines() {
        String last = "The mayor said the bridge would open in spring.";
        String text = "Bridge works continue\n\nWorkers poured the last concrete on Friday, officials said.\n\n" + last
                + "\n\nPrevious Article\n\nLocal Bakery Wins Regional Award\n\nNext Article\n\nStorm Knocks Out Power in Valley Towns";
        CleanText c = cleaner.clean(text);
        assertOffsetsKept(c);
        assertEquals(List.of(Cleaner.TEASER, Cleaner.TEASER), kinds(c));
        assertEquals("Previous Article\n\nLocal Bakery Wins Regional Award", c.furniture().get(0).span().of(text));
        assertEquals("Next Article\n\nStorm Knocks Out Power in Valley Towns", c.furniture().get(1).span().of(text));
        assertTrue(c.text().contains(last));
        assertTrue(c.text().substring(c.text().indexOf(last) + last.length()).isBlank());
    }

    @Test
    void teaserBlockStopsAtARealParagraph() {
        String paragraph = "Later that day, the committee said it had approved the plan after a long debate in the hall.";
        String text = "Related articles\nTown Hall Gets New Roof\n\n" + paragraph + "\n";
        CleanText c = cleaner.clean(text);
        assertEquals(List.of(Cleaner.TEASER), kinds(c));
        assertEquals("Related articles\nTown Hall Gets New Roof", c.furniture().get(0).span().of(text));
        assertTrue(c.text().contains(paragraph));
    }

    @Test
    void masksMarkdownLinkSyntaxButKeepsTheWord() {
        String text = "Officials [said](#) the plan was [approved](https://example.org/a?b=1) on *Tuesday*.";
        CleanText c = cleaner.clean(text);
        assertOffsetsKept(c);
        assertEquals("Officials  said     the plan was  approved                             on  Tuesday .", c.text());
        assertTrue(kinds(c).stream().allMatch(Cleaner.MARKUP::equals));
        assertEquals(6, c.furniture().size());
        int said = text.indexOf("said");
        assertEquals("said", new Span(said, said + 4).of(c.text()));
    }

    @Test
    void masksStrongEmphasisHeadingsAndRules() {
        String text = "## Council news\n\nThe vote was **unanimous**, the clerk said.\n\n---\n";
        CleanText c = cleaner.clean(text);
        assertOffsetsKept(c);
        assertEquals("   Council news\n\nThe vote was   unanimous  , the clerk said.\n\n   \n", c.text());
        assertTrue(kinds(c).stream().allMatch(Cleaner.MARKUP::equals));
    }

    @Test
    void leavesAsterisksAndBracketsThatAreNotMarkup() {
        String text = "Output rose 5 * 3 percent [sic] and (they said) 2*x stays.";
        CleanText c = cleaner.clean(text);
        assertEquals(text, c.text());
    }

    @Test
    void masksCitationMarkerAndRecordsItsParagraph() {
        String first = "The ministry said exercises would start next week. [CITATION attribution: Ministry of Transport]";
        String second = "Analysts expect delays.";
        String text = "Rail strike looms\n\n" + first + "\n\n" + second + "\n[CITATION attribution: Local Radio]\n";
        CleanText c = cleaner.clean(text);
        assertOffsetsKept(c);
        assertEquals(List.of(Cleaner.CITATION, Cleaner.CITATION), kinds(c));
        assertEquals(2, c.attributions().size());
        CleanText.ParagraphAttribution a = c.attributions().get(0);
        assertEquals("Ministry of Transport", a.attributedTo());
        assertEquals("[CITATION attribution: Ministry of Transport]", a.marker().of(text));
        assertEquals("The ministry said exercises would start next week.", a.paragraph().of(text));
        assertFalse(a.paragraph().overlaps(a.marker()), "the paragraph span covers its words, not the marker");
        CleanText.ParagraphAttribution b = c.attributions().get(1);
        assertEquals("Local Radio", b.attributedTo());
        assertEquals(second, b.paragraph().of(text), "a marker alone on its line belongs to the paragraph before");
        assertFalse(c.text().contains("CITATION"));
    }

    @Test
    void readsHeaderWithDatelinePublicationAndByline() {
        String text = "\n\n29.01.2024\n\nOriginally published in the [Harbour Weekly](#)\n\n"
                + "Council Debates New Port Rules\n\nMaria van der Berg\n\n"
                + "The council met on Tuesday to discuss rules for the port, and members said the plan needed more work.\n";
        CleanText c = cleaner.clean(text);
        ArticleHeader h = c.header();
        assertEquals(LocalDate.of(2024, 1, 29), h.date());
        assertEquals("29.01.2024", h.dateSpan().of(text));
        assertEquals("Harbour Weekly", h.publishedIn());
        assertEquals("Harbour Weekly", h.publishedInSpan().of(c.text()).strip());
        assertEquals("Council Debates New Port Rules", h.title());
        assertEquals("Council Debates New Port Rules", h.titleSpan().of(text));
        assertEquals("Maria van der Berg", h.author());
        assertEquals("Maria van der Berg", h.bylineSpan().of(text));
    }

    @Test
    void readsTitleFollowedByPromptsAndBody() {
        String text = "Water Levels Rise Along the Coast: Towns Prepare\n\nNo time to read?\nGet a summary\n\n"
                + "Coastal towns are preparing sandbags after forecasters warned of a storm surge on the weekend.\n";
        ArticleHeader h = cleaner.clean(text).header();
        assertEquals("Water Levels Rise Along the Coast: Towns Prepare", h.title());
        assertNull(h.author());
        assertNull(h.date());
    }

    @Test
    void titleWithPeriodNeedsABlankLineAfterIt() {
        String withBlank = "Senator backs the farm bill.\n\nThe senator said on Thursday that she would vote for it.\n";
        assertEquals("Senator backs the farm bill.", cleaner.clean(withBlank).header().title());
        String noBlank = "Senator backs the farm bill.\nThe senator said on Thursday that she would vote for it.\n";
        assertNull(cleaner.clean(noBlank).header().title());
    }

    @Test
    void longFirstParagraphIsNotATitle() {
        String text = "The regional government announced on Monday a package of measures meant to support small firms "
                + "that lost income during the floods, officials said.\nA second paragraph follows here.\n";
        assertEquals(ArticleHeader.NONE, cleaner.clean(text).header());
    }

    @Test
    void readsDatelineFormatsAndByPrefix() {
        assertEquals(LocalDate.of(2024, 1, 29), dateOf("2024-01-29"));
        assertEquals(LocalDate.of(2024, 1, 29), dateOf("January 29, 2024"));
        assertEquals(LocalDate.of(2024, 1, 29), dateOf("29 January 2024"));
        assertEquals(LocalDate.of(2009, 3, 13), dateOf("Published: Friday, Mar. 13, 2009 10:45 GMT"));
        assertEquals(LocalDate.of(2024, 2, 3), dateOf("3.2.2024"), "dotted dates are day first");
        assertNull(dateOf("31.02.2024"), "an impossible date is no date");
        assertEquals(LocalDate.of(2008, 9, 20), dateOf("September 20 , 2008"));
        assertEquals(LocalDate.of(2024, 1, 29), dateOf("Mon 29 Jan 2024 10.30 GMT"));
        assertEquals(LocalDate.of(2024, 1, 31), dateOf("Updated: Wed., Jan. 31st, 2024"));
        assertNull(dateOf("In 2024 the council met twice"));

        String text = "Mill closes after a century\nBy Tom Archer, Staff Writer\nApril 2, 2021\n\n"
                + "The old textile mill shut its gates on Friday after more than a hundred years of work.\n";
        ArticleHeader h = cleaner.clean(text).header();
        assertEquals("Tom Archer", h.author());
        assertEquals("Tom Archer", h.bylineSpan().of(text));
        assertEquals(LocalDate.of(2021, 4, 2), h.date());
        assertEquals("April 2, 2021", h.dateSpan().of(text));
        assertEquals("Mill closes after a century", h.title());
    }

    private LocalDate dateOf(String dateline) {
        String text = "Title of a story\n" + dateline + "\n\nSome body text follows here, as reporters said today.\n";
        return cleaner.clean(text).header().date();
    }

    @Test
    void readsLabelledBylineWithoutItsFinalPeriod() {
        String text = "BYLINE: Ruth Okafor.\n\nVoters queue early\n\nPolling stations opened at seven, and lines formed at once.\n";
        ArticleHeader h = cleaner.clean(text).header();
        assertEquals("Ruth Okafor", h.author());
        assertEquals("Ruth Okafor", h.bylineSpan().of(text));
        assertEquals("Voters queue early", h.title());
    }

    @Test
    void oneWordSectionLabelAboveTheTitleIsSkipped() {
        String text = "Opinion\n\nWhy the Old Canal Deserves Saving\n\nThe canal has carried barges for two centuries, and it could again.\n";
        assertEquals("Why the Old Canal Deserves Saving", cleaner.clean(text).header().title());
    }

    @Test
    void sectionLabelIsNotAByline() {
        String text = "Floods hit the north\n\nBreaking News\n\nRivers burst their banks overnight, police said.\n";
        assertNull(cleaner.clean(text).header().author());
        String labelled = "Floods hit the north\n\nGarden Notes.\n\nRivers burst their banks overnight, police said.\n";
        assertNull(cleaner.clean(labelled).header().author());
    }

    @Test
    void keepsCarriageReturnsAndMasksAcrossCrlfLines() {
        String text = "Dam inspection ordered\r\n\r\nEngineers will inspect the dam, the agency said.\r\nRead more\r\n";
        CleanText c = cleaner.clean(text);
        assertOffsetsKept(c);
        assertEquals(List.of(Cleaner.PROMPT), kinds(c));
        assertEquals("Read more", c.furniture().get(0).span().of(text));
    }

    @Test
    void nestedMarkupInsideAMaskedLineIsOneRegion() {
        String text = "A story\n\nBody sentence that the editor wrote.\n\n[Subscribe](#) now\n";
        CleanText c = cleaner.clean(text);
        assertOffsetsKept(c);
        assertEquals(List.of(Cleaner.PROMPT), kinds(c));
    }
}
