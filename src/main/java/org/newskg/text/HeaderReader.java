package org.newskg.text;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@link ArticleHeader} from the top of a clean text: the lines before the first
 * body paragraph (at most {@value #HEADER_LINES} non-blank lines).
 */
final class HeaderReader {

    private static final int HEADER_LINES = 8;
    private static final int HEADLINE_MAX_WORDS = 25;
    private static final int HEADLINE_MAX_CHARS = 200;
    /** A line this long, or a shorter full sentence, is article body: the header is over. */
    private static final int BODY_MIN_WORDS = 26;
    private static final int SENTENCE_BODY_MIN_WORDS = 13;

    private static final Pattern PUBLISHED_IN = Pattern.compile(
            "^(?:originally|first)\\s+(?:published|appeared)\\s+(?:in|on|by|at)\\s+(?:the\\s+)?(.*\\S)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern BY = Pattern.compile(
            "^(?:(?i:by|written by)\\s+|(?i:byline|author|authors)\\s*:\\s*)(\\p{Lu}.*)");
    /** Where a byline stops naming people: "By Ann Lee, Reuters" or "By Ann Lee | 3 min read". */
    private static final Pattern BYLINE_END = Pattern.compile("\\s*(?:[,|•·(]|\\s[-–—]\\s).*$");
    private static final Pattern NAME_WORD = Pattern.compile("\\p{Lu}[\\p{L}’'.\\-]*");
    private static final Set<String> NAME_PARTICLES = Set.of(
            "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "bin", "ibn", "al", "el", "ter", "ten", "y");
    /** Short capitalised lines that are section labels, not names. */
    private static final Set<String> NOT_NAME_WORDS = Set.of(
            "news", "breaking", "analysis", "opinion", "world", "politics", "business", "sport", "sports", "live",
            "update", "updated", "exclusive", "editorial", "comment", "report", "home", "latest", "video", "photos",
            "feature", "features", "interview", "review", "local", "national", "international", "economy", "culture",
            "science", "health", "technology", "defence", "defense", "security", "europe", "asia", "africa", "americas",
            "middle", "east", "press", "release", "staff", "reporter", "correspondent", "editor", "the", "and", "of");

    private HeaderReader() {
    }

    static ArticleHeader read(String text, List<Span> lines) {
        Span titleSpan = null;
        String title = null;
        Span dateSpan = null;
        LocalDate date = null;
        Span bylineSpan = null;
        String author = null;
        Span publishedInSpan = null;
        String publishedIn = null;
        boolean titleDecided = false;
        int seen = 0;
        for (int i = 0; i < lines.size() && seen < HEADER_LINES; i++) {
            Span line = Lines.trim(text, lines.get(i));
            if (line.length() == 0) {
                continue;
            }
            seen++;
            String value = line.of(text);
            Datelines.Found found;
            Matcher m;
            if (date == null && (found = Datelines.parse(value)) != null) {
                date = found.date();
                dateSpan = new Span(line.begin() + found.begin(), line.begin() + found.end());
            } else if (publishedIn == null && (m = PUBLISHED_IN.matcher(value)).matches()) {
                Span span = publication(value, m.start(1), m.end(1));
                publishedInSpan = new Span(line.begin() + span.begin(), line.begin() + span.end());
                publishedIn = collapse(publishedInSpan.of(text));
            } else if (author == null && (m = BY.matcher(value)).matches() && isByline(m.group(1))) {
                String name = withoutFinalPeriod(BYLINE_END.matcher(m.group(1)).replaceFirst(""));
                bylineSpan = new Span(line.begin() + m.start(1), line.begin() + m.start(1) + name.length());
                author = collapse(name);
            } else if (!titleDecided && Lines.words(value) == 1) {
                continue; // a one-word line above the title is a section label ("World", "Opinion")
            } else if (!titleDecided) {
                titleDecided = true;
                if (!isHeadline(text, lines, i)) {
                    break;
                }
                titleSpan = line;
                title = collapse(value);
            } else if (author == null && isPersonName(collapse(value))) {
                bylineSpan = line;
                author = collapse(value);
            } else if (isBody(collapse(value))) {
                break;
            }
        }
        if (title == null && date == null && author == null && publishedIn == null) {
            return ArticleHeader.NONE;
        }
        return new ArticleHeader(titleSpan, title, dateSpan, date, bylineSpan, author, publishedInSpan, publishedIn);
    }

    /** "The Monitor on 3 May 2024" names the publication only up to the date. */
    private static Span publication(String line, int begin, int end) {
        String value = line.substring(begin, end);
        Matcher on = Pattern.compile("\\s+on\\s+").matcher(value);
        while (on.find()) {
            if (Datelines.parse(value.substring(on.end()).strip()) != null) {
                return new Span(begin, begin + on.start());
            }
        }
        if (value.endsWith(".")) {
            return new Span(begin, end - 1);
        }
        return new Span(begin, end);
    }

    /** Short, and either without a final period or set off by a blank line, with more text below. */
    private static boolean isHeadline(String text, List<Span> lines, int at) {
        String line = collapse(lines.get(at).of(text));
        int words = Lines.words(line);
        if (words == 0 || words > HEADLINE_MAX_WORDS || line.length() > HEADLINE_MAX_CHARS || line.endsWith(":")) {
            return false;
        }
        int next = at + 1;
        boolean blankFollows = false;
        while (next < lines.size() && Lines.isBlank(text, lines.get(next))) {
            blankFollows = true;
            next++;
        }
        if (next == lines.size()) {
            return false;
        }
        return !line.endsWith(".") || blankFollows;
    }

    private static boolean isBody(String line) {
        int words = Lines.words(line);
        return words >= BODY_MIN_WORDS || (words >= SENTENCE_BODY_MIN_WORDS && line.matches(".*[.!?\"”’]$"));
    }

    /** "Ann Lee." loses its period; "John Q." keeps it, as the initial needs it. */
    private static String withoutFinalPeriod(String name) {
        int space = name.lastIndexOf(' ');
        return name.endsWith(".") && name.length() - space > 3 ? name.substring(0, name.length() - 1) : name;
    }

    private static boolean isByline(String name) {
        String people = BYLINE_END.matcher(name).replaceFirst("");
        return !people.isBlank() && Lines.words(people) <= 8;
    }

    /** 2 to 4 capitalised words, with particles such as "van" or "bin" allowed inside. */
    static boolean isPersonName(String line) {
        if (line.endsWith(".")) {
            return false;
        }
        String[] words = line.split(" ");
        int capitalised = 0;
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (NOT_NAME_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
                return false;
            }
            if (NAME_WORD.matcher(w).matches()) {
                capitalised++;
            } else if (!(i > 0 && i < words.length - 1 && NAME_PARTICLES.contains(w))) {
                return false;
            }
        }
        return capitalised >= 2 && capitalised <= 4 && line.length() <= 60;
    }

    private static String collapse(String s) {
        return Lines.collapse(s);
    }
}
