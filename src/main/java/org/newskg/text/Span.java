package org.newskg.text;

/**
 * A half-open range {@code [begin, end)} of UTF-16 positions in a document's text as read.
 *
 * <p>Inside NewsKG every span counts Java {@code char}s; the RDF mapper converts to the
 * Unicode code points that the contract promises ({@link org.newskg.document.SourceDocument#codePointOffset(int)}).
 *
 * <pre>{@code
 * Span s = new Span(4, 9);
 * s.of("The quick fox");   // "quick"
 * }</pre>
 */
public record Span(int begin, int end) implements Comparable<Span> {

    public Span {
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("bad span [" + begin + ", " + end + ")");
        }
    }

    public int length() {
        return end - begin;
    }

    public boolean contains(Span other) {
        return begin <= other.begin && other.end <= end;
    }

    public boolean contains(int position) {
        return begin <= position && position < end;
    }

    public boolean overlaps(Span other) {
        return begin < other.end && other.begin < end;
    }

    /** The smallest span covering both. */
    public Span union(Span other) {
        return new Span(Math.min(begin, other.begin), Math.max(end, other.end));
    }

    /** The characters of {@code text} in this span. */
    public String of(CharSequence text) {
        return text.subSequence(begin, end).toString();
    }

    @Override
    public int compareTo(Span o) {
        return begin != o.begin ? Integer.compare(begin, o.begin) : Integer.compare(o.end, end);
    }

    @Override
    public String toString() {
        return "[" + begin + "," + end + ")";
    }
}
