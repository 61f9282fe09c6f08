package org.newskg.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks page furniture in a news text so that extractors see only the article, without
 * moving a single character (see {@link CleanText}).
 *
 * <p>What counts as furniture, each recorded as a {@link CleanText.Furniture} of the kind named:
 * <ul>
 * <li>{@value #PROMPT}: a whole line that is a general user-interface phrase: "No time to
 *     read?", "Get a summary", "Read more", "Continue reading", "Subscribe ...", "Sign up
 *     for our newsletter", "Share this article", "Advertisement", "Follow us on ...",
 *     cookie notices ("We use cookies ...", "Accept all cookies"), "Listen to this
 *     article", "Print". Only whole lines match, so the words inside a sentence are never
 *     touched;</li>
 * <li>{@value #CREDIT}: a whole line crediting newsroom staff: "(Reporting by ...; Editing
 *     by ...)", "Follow [reporter] on Twitter ...", "Contact the author ...", copyright
 *     notices;</li>
 * <li>{@value #TEASER}: a line such as "Previous Article", "Next Article", "Related
 *     articles", "Read next", "You may also like", together with the headline lines that
 *     follow it (short lines without a final period), up to the next real paragraph;</li>
 * <li>{@value #MARKUP}: markdown syntax: the brackets and {@code (url)} of
 *     {@code [word](#)} and {@code [word](https://...)} (the word is kept), the asterisks of
 *     {@code *emphasis*}, the {@code #} of a heading and {@code ---} rules;</li>
 * <li>{@value #CITATION}: an inline {@code [CITATION attribution: X]} marker, also
 *     recorded as a {@link CleanText.ParagraphAttribution}. Its paragraph is the line that
 *     holds it, or, when the marker stands alone on its line, the nearest non-blank line
 *     before it; the paragraph span covers the words of that line, not the marker.</li>
 * </ul>
 *
 * <p>It then reads the {@link ArticleHeader} from the clean text: title, dateline, byline
 * and "Originally published in". The header is metadata; its lines stay in the text.
 *
 * <pre>{@code
 * CleanText clean = new Cleaner().clean("Port reopens\n\nShips may dock, the [mayor](#) said.\n\nRead more\n");
 * clean.text();                  // "Port reopens\n\nShips may dock, the  mayor     said.\n\n         \n"
 * clean.header().title();        // "Port reopens"
 * }</pre>
 *
 * <p>Instances hold no state and may be shared between threads.
 */
public final class Cleaner {

    /** Furniture kind of a user-interface line such as "Read more". */
    public static final String PROMPT = "prompt";
    /** Furniture kind of a staff credit line such as "(Reporting by ...; Editing by ...)". */
    public static final String CREDIT = "credit";
    /** Furniture kind of a "Previous Article" / "Next Article" block with its teaser headlines. */
    public static final String TEASER = "teaser";
    /** Furniture kind of markdown syntax. */
    public static final String MARKUP = "markup";
    /** Furniture kind of an inline {@code [CITATION ...]} marker. */
    public static final String CITATION = "citation";

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** Whole-line user-interface phrases; general, never tied to one site. */
    private static final Pattern PROMPT_LINE = Pattern.compile("^(?:"
            + "no time to read\\??"
            + "|get (?:a|the) (?:summary|gist)"
            + "|(?:read|see|show|load) more(?: stories| articles| news)?[.:!]?"
            + "|read more ?: .{1,200}"
            + "|continue reading\\b.{0,80}"
            + "|read the full (?:article|story)\\b.{0,60}"
            + "|(?:click|tap) here\\b.{0,80}"
            + "|subscribe(?: now| today| here)?[.!]?"
            + "|subscribe (?:to|for) .{1,80}"
            + "|sign up (?:for|to) (?:our|the|free|daily|weekly) .{0,60}(?:newsletter|updates|alerts|briefing)s?\\b.{0,40}"
            + "|share(?: (?:this|the) (?:article|story|post|page)(?: on .{1,40})?)?[.!:]?"
            + "|share (?:on|via) (?:facebook|twitter|x|linkedin|whatsapp|telegram|email|reddit)"
            + "|advertisement|advertising|sponsored(?: content)?"
            + "|follow us(?: on .{1,60})?"
            + "|(?:we|this (?:web)?site|our (?:web)?site) uses? cookies\\b.{0,300}"
            + "|(?:accept|reject|manage|allow)(?: all)? cookies\\b.{0,40}"
            + "|cookie (?:settings|preferences|policy|consent)"
            + "|listen to (?:this|the) (?:article|story)\\b.{0,40}"
            + "|print(?: this)?(?: article| page)?"
            + "|(?:download|get) (?:the|our) app\\b.{0,60}"
            + ")$", FLAGS);

    /** Whole-line credits of the newsroom staff: who reported, edited, and where to follow them. */
    private static final Pattern CREDIT_LINE = Pattern.compile("^(?:"
            + "\\(?(?:additional )?(?:reporting|writing|editing|compiled|translated|translation) by\\b.{1,300}"
            + "|follow .{1,120} on (?:twitter|x|facebook|instagram|threads|bluesky|mastodon|telegram)\\b.{0,300}"
            + "|(?:contact|e-?mail) the (?:author|reporter|writer)s?\\b.{0,200}"
            + "|(?:©|\\(c\\)|copyright)\\s*\\d{4}\\b.{0,100}"
            + "|.{0,100}\\ball rights reserved\\.?"
            + ")$", FLAGS);

    /** Lines that introduce links to other articles. */
    private static final Pattern TEASER_MARKER = Pattern.compile("^(?:[«‹<←]\\s*)?(?:"
            + "previous|next|prev\\.?)\\s+(?:article|story|post|item)(?:\\s*[»›>→])?:?"
            + "|^(?:related(?: articles?| stories| news| content| coverage)?|more (?:stories|news|articles|on this topic)"
            + "|read next|read also|also read|see also|you (?:may|might) also like|recommended(?: for you| stories)?"
            + "|most (?:read|popular|viewed)|top stories)\\s*:?$", FLAGS);

    private static final Pattern LINK = Pattern.compile(
            "!?\\[([^\\[\\]\\n\\r]{1,300})\\]\\(\\s*(?:#[^()\\s]*|(?:https?|mailto|ftp):[^()\\s]*|/[^()\\s]*|www\\.[^()\\s]*)"
                    + "(?:\\s+\"[^\"\\n\\r]*\")?\\s*\\)");
    private static final Pattern EMPHASIS = Pattern.compile(
            "(?<![\\w*\\\\])(\\*{1,3})(?=[^\\s*])([^*\\n\\r]{1,300}?)(?<=[^\\s*])\\1(?![\\w*])");
    private static final Pattern HEADING = Pattern.compile("(?m)^[ \\t]*(#{1,6})[ \\t]+(?=\\S)");
    private static final Pattern RULE = Pattern.compile("(?m)^[ \\t]*(?:-{3,}|\\*{3,}|_{3,})[ \\t]*$");
    /** An XML or HTML tag left in plain text, such as an embedded post's {@code <tweet author="...">}. */
    private static final Pattern TAG = Pattern.compile(
            "</?[A-Za-z][A-Za-z0-9-]*(?:\\s+[A-Za-z_:][A-Za-z0-9_:.-]*\\s*=\\s*(?:\"[^\"<>\\n]*\"|'[^'<>\\n]*'))*\\s*/?>");
    private static final Pattern CITATION_MARKER = Pattern.compile(
            "\\[\\s*CITATION\\b([^\\[\\]\\n\\r]*)\\]", FLAGS);
    private static final Pattern ATTRIBUTION = Pattern.compile("attribution\\s*:\\s*(.*\\S)", FLAGS);

    /** Teaser headlines are short and end without a period. */
    private static final int TEASER_HEADLINE_MAX_WORDS = 20;
    private static final int TEASER_HEADLINES_PER_MARKER = 5;

    /** Cleans one document text. */
    public CleanText clean(String original) {
        Masking m = new Masking(original);
        List<CleanText.ParagraphAttribution> attributions = citations(m);
        markup(m);
        List<Span> lines = Lines.of(original);
        prompts(m, lines);
        teasers(m, lines);
        String text = m.text();
        return new CleanText(original, text, m.furniture(), attributions, HeaderReader.read(text, lines));
    }

    private static List<CleanText.ParagraphAttribution> citations(Masking m) {
        String text = m.original;
        List<CleanText.ParagraphAttribution> out = new ArrayList<>();
        Matcher c = CITATION_MARKER.matcher(text);
        List<Span> markers = new ArrayList<>();
        List<String> attributed = new ArrayList<>();
        while (c.find()) {
            Span marker = new Span(c.start(), c.end());
            markers.add(marker);
            Matcher a = ATTRIBUTION.matcher(c.group(1));
            attributed.add(a.find() ? a.group(1).strip() : null);
        }
        for (Span marker : markers) {
            m.mask(marker, CITATION);
        }
        // paragraphs are found after masking, so a line holding only markers counts as blank
        List<Span> lines = Lines.of(text);
        String masked = m.text();
        for (int i = 0; i < markers.size(); i++) {
            if (attributed.get(i) != null) {
                out.add(new CleanText.ParagraphAttribution(paragraph(masked, lines, markers.get(i)), markers.get(i),
                        attributed.get(i)));
            }
        }
        return out;
    }

    /** The trimmed line holding the marker (markers excluded); for a marker alone on its line, the nearest paragraph before (else after). */
    private static Span paragraph(String masked, List<Span> lines, Span marker) {
        int at = 0;
        while (at < lines.size() - 1 && lines.get(at).end() < marker.begin()) {
            at++;
        }
        if (!Lines.isBlank(masked, lines.get(at))) {
            return Lines.trim(masked, lines.get(at));
        }
        for (int i = at - 1; i >= 0; i--) {
            if (!Lines.isBlank(masked, lines.get(i))) {
                return Lines.trim(masked, lines.get(i));
            }
        }
        for (int i = at + 1; i < lines.size(); i++) {
            if (!Lines.isBlank(masked, lines.get(i))) {
                return Lines.trim(masked, lines.get(i));
            }
        }
        return marker;
    }

    private static void markup(Masking m) {
        String text = m.text();
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            m.mask(new Span(link.start(), link.start(1)), MARKUP);
            m.mask(new Span(link.end(1), link.end()), MARKUP);
        }
        text = m.text();
        Matcher emphasis = EMPHASIS.matcher(text);
        while (emphasis.find()) {
            m.mask(new Span(emphasis.start(1), emphasis.end(1)), MARKUP);
            m.mask(new Span(emphasis.end(2), emphasis.end()), MARKUP);
        }
        Matcher heading = HEADING.matcher(text);
        while (heading.find()) {
            m.mask(new Span(heading.start(1), heading.end(1)), MARKUP);
        }
        Matcher tag = TAG.matcher(text);
        while (tag.find()) {
            m.mask(new Span(tag.start(), tag.end()), MARKUP);
        }
        Matcher rule = RULE.matcher(text);
        while (rule.find()) {
            m.mask(Lines.trim(text, new Span(rule.start(), rule.end())), MARKUP);
        }
    }

    private static void prompts(Masking m, List<Span> lines) {
        String text = m.text();
        for (Span line : lines) {
            if (Lines.isBlank(text, line)) {
                continue;
            }
            String words = Lines.collapsed(text, line);
            if (PROMPT_LINE.matcher(words).matches()) {
                m.mask(Lines.trim(m.original, line), PROMPT);
            } else if (CREDIT_LINE.matcher(words).matches()) {
                m.mask(Lines.trim(m.original, line), CREDIT);
            }
        }
    }

    private static void teasers(Masking m, List<Span> lines) {
        String text = m.text();
        for (int i = 0; i < lines.size(); i++) {
            if (Lines.isBlank(text, lines.get(i)) || !TEASER_MARKER.matcher(Lines.collapsed(text, lines.get(i))).matches()) {
                continue;
            }
            Span block = Lines.trim(m.original, lines.get(i));
            int headlines = 0;
            int j = i + 1;
            for (; j < lines.size() && headlines < TEASER_HEADLINES_PER_MARKER; j++) {
                Span line = lines.get(j);
                if (Lines.isBlank(text, line)) {
                    continue;
                }
                String words = Lines.collapsed(text, line);
                if (TEASER_MARKER.matcher(words).matches() || !isTeaserHeadline(words)) {
                    break;
                }
                block = block.union(Lines.trim(m.original, line));
                headlines++;
                i = j;
            }
            m.mask(block, TEASER);
        }
    }

    private static boolean isTeaserHeadline(String line) {
        return Lines.words(line) <= TEASER_HEADLINE_MAX_WORDS && !line.endsWith(".") && !line.endsWith(":");
    }

    /** The text being masked and the regions masked so far. */
    private static final class Masking {
        final String original;
        private final char[] chars;
        private final List<CleanText.Furniture> furniture = new ArrayList<>();

        Masking(String original) {
            this.original = original;
            this.chars = original.toCharArray();
        }

        void mask(Span span, String kind) {
            if (span.length() == 0) {
                return;
            }
            for (int i = span.begin(); i < span.end(); i++) {
                if (chars[i] != '\n' && chars[i] != '\r') {
                    chars[i] = ' ';
                }
            }
            // a line masked whole replaces the markup found inside it: regions never overlap
            furniture.removeIf(f -> span.contains(f.span()));
            furniture.add(new CleanText.Furniture(span, kind));
        }

        String text() {
            return new String(chars);
        }

        List<CleanText.Furniture> furniture() {
            List<CleanText.Furniture> sorted = new ArrayList<>(furniture);
            sorted.sort((a, b) -> a.span().compareTo(b.span()));
            return sorted;
        }
    }
}
