package org.newskg.rdf;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.newskg.document.SourceDocument;
import org.newskg.extract.Entity;
import org.newskg.extract.EntityType;

/**
 * Mints the IRIs of everything NewsKG writes, deterministically: the same document analysed
 * twice gives the same IRIs, so a re-run replaces a document graph instead of adding a copy.
 *
 * <p>Things that exist across documents live directly under {@link NKG#ID}; things that exist
 * only inside one document (its mentions, statements, cues, role claims, events, unnamed
 * groups, the extraction run) are fragments of the document IRI. Span-based fragments use
 * Unicode code point offsets, the same numbers as {@code nif:beginIndex}/{@code nif:endIndex}.
 *
 * <pre>{@code
 * Node doc = Iris.document(sourceDocument);           // <https://w3id.org/newskg/id/doc/3f2a9c0d1e2b4a5c>
 * Iris.entity(EntityType.PERSON, "valery revenko");   // <https://w3id.org/newskg/id/person/valery-revenko>
 * Iris.mention(doc, 120, 131);                        // <.../doc/3f2a9c0d1e2b4a5c#mention-120-131>
 * Iris.role("Deputy Minister of Defense");            // <https://w3id.org/newskg/id/role/deputy-minister-of-defense>
 * Iris.slug("Łukasz Żółć");                            // "lukasz-zolc"
 * }</pre>
 */
public final class Iris {

    /** Letters that Unicode decomposition does not reduce to ASCII but that have a usual Latin spelling. */
    private static final Map<Character, String> LATIN = Map.ofEntries(
            Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('œ', "oe"), Map.entry('ø', "o"),
            Map.entry('ł', "l"), Map.entry('đ', "d"), Map.entry('ð', "d"), Map.entry('þ', "th"),
            Map.entry('ı', "i"), Map.entry('ħ', "h"));

    private Iris() {
    }

    /** {@code NKG.ID + "doc/" + id}, the document and also the name of its graph. */
    public static Node document(SourceDocument document) {
        return document(document.id());
    }

    /** The document IRI for a {@link SourceDocument#id()}. */
    public static Node document(String documentId) {
        if (documentId == null || documentId.isEmpty()) {
            throw new IllegalArgumentException("document id is required, got '" + documentId + "'");
        }
        return NodeFactory.createURI(NKG.ID + "doc/" + slug(documentId));
    }

    /**
     * The IRI of an entity as seen from a document: under {@link NKG#ID} by its identity key when it
     * has one, else a fragment of the document named after its document-local key.
     */
    public static Node entity(Node document, Entity entity) {
        if (entity.identityKey() != null && !entity.identityKey().isBlank()) {
            return entity(entity.type(), entity.identityKey());
        }
        return fragment(document, segment(entity.type()) + "-" + slug(entity.key()));
    }

    /** A cross-document entity: {@code NKG.ID + "person/" + slug(identityKey)} and likewise for the other types. */
    public static Node entity(EntityType type, String identityKey) {
        if (identityKey == null || identityKey.isBlank()) {
            throw new IllegalArgumentException("an identity key is required for a " + type.label() + " entity");
        }
        return NodeFactory.createURI(NKG.ID + segment(type) + "/" + slug(identityKey));
    }

    /**
     * The words of the identity key a person IRI was minted from, or an empty list for any other IRI:
     * {@code <.../person/valery-revenko>} gives {@code [valery, revenko]}. A person's identity key holds only
     * letters, digits and single spaces, so each '-' of the slug is one space of the key.
     */
    public static java.util.List<String> personKeyWords(Node entity) {
        String prefix = NKG.ID + segment(EntityType.PERSON) + "/";
        if (entity == null || !entity.isURI() || !entity.getURI().startsWith(prefix) || entity.getURI().contains("#")) {
            return java.util.List.of();
        }
        String slug = entity.getURI().substring(prefix.length());
        return slug.isEmpty() ? java.util.List.of() : java.util.List.of(slug.split("-"));
    }

    /** The person IRI of these identity-key words, as {@link #personKeyWords} reads them back: {@code [revenko]} gives {@code <.../person/revenko>}. */
    public static Node person(java.util.List<String> keyWords) {
        if (keyWords == null || keyWords.isEmpty() || keyWords.stream().anyMatch(w -> w.isEmpty() || w.contains("-") || w.contains("#"))) {
            throw new IllegalArgumentException("not the words of a person's identity key: " + keyWords);
        }
        return NodeFactory.createURI(NKG.ID + segment(EntityType.PERSON) + "/" + String.join("-", keyWords));
    }

    /** {@code <doc>#merge-SURNAME}: the identity merge deciding who the document's surname-only person is. */
    public static Node merge(Node document, String surnameKey) {
        if (surnameKey == null || surnameKey.isBlank()) {
            throw new IllegalArgumentException("a merge needs a surname key, got '" + surnameKey + "'");
        }
        return fragment(document, "merge-" + slug(surnameKey));
    }

    /** {@code <doc>#mention-BEGIN-END}, offsets in code points. */
    public static Node mention(Node document, int begin, int end) {
        return fragment(document, "mention-" + begin + "-" + end);
    }

    /**
     * The {@code n}-th mention (from 1) at one span, for the rare case of two mentions with the same
     * offsets referring to different entities: {@code <doc>#mention-BEGIN-END-N}; n = 1 is {@link #mention(Node, int, int)}.
     */
    public static Node mention(Node document, int begin, int end, int n) {
        return n <= 1 ? mention(document, begin, end) : fragment(document, "mention-" + begin + "-" + end + "-" + n);
    }

    /** {@code <doc>#cue-BEGIN-END}, offsets in code points. */
    public static Node cue(Node document, int begin, int end) {
        return fragment(document, "cue-" + begin + "-" + end);
    }

    /** {@code <doc>#statement-N}, N counting from 1 in the analysis' order. */
    public static Node statement(Node document, int ordinal) {
        return fragment(document, "statement-" + ordinal);
    }

    /** {@code <doc>#membership-N}: the N-th role claim (from 1), as an {@code org:Membership}. */
    public static Node membership(Node document, int ordinal) {
        return fragment(document, "membership-" + ordinal);
    }

    /** {@code <doc>#event-N}: the N-th event (from 1) of the analysis. */
    public static Node event(Node document, int ordinal) {
        return fragment(document, "event-" + ordinal);
    }

    /** {@code <doc>#paragraph-BEGIN-END}, a paragraph carrying an inline attribution marker. */
    public static Node paragraph(Node document, int begin, int end) {
        return fragment(document, "paragraph-" + begin + "-" + end);
    }

    /** {@code <doc>#extraction}, the run of NewsKG that produced the document graph. */
    public static Node extraction(Node document) {
        return fragment(document, "extraction");
    }

    /** {@code NKG.ID + "role/" + slug(title)}: a title such as "Deputy Minister of Defense", shared across documents. */
    public static Node role(String title) {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a role needs a title, got '" + title + "'");
        }
        return NodeFactory.createURI(NKG.ID + "role/" + slug(title));
    }

    /** {@code NKG.ID + "agent/newskg/" + version}, the NewsKG release as a {@code prov:SoftwareAgent}. */
    public static Node agent(String version) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("an agent needs a version, got '" + version + "'");
        }
        // versions keep their dots and case ("0.1.0-SNAPSHOT"); anything else unsafe in a path becomes '-'
        return NodeFactory.createURI(NKG.ID + "agent/newskg/" + version.strip().replaceAll("[^A-Za-z0-9._-]+", "-"));
    }

    /** The path segment for an entity type: person, org, place, group, event, thing. */
    public static String segment(EntityType type) {
        return switch (type) {
            case PERSON -> "person";
            case ORGANIZATION -> "org";
            case PLACE -> "place";
            case GROUP -> "group";
            case EVENT -> "event";
            case OTHER -> "thing";
        };
    }

    /**
     * A readable, always-valid IRI segment: lower case, accents dropped from Latin letters ("é" to "e",
     * "ł" to "l"), apostrophes dropped, any run of other punctuation, symbols or spaces turned into one
     * '-', and letters with no Latin spelling (Cyrillic, Greek, CJK, ...) kept, marks included, as
     * percent-encoded UTF-8, so distinct names stay distinct ("Андрей" is not "Андреи").
     */
    public static String slug(String text) {
        if (text == null) {
            throw new IllegalArgumentException("cannot slug null");
        }
        String composed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        boolean pendingDash = false;
        for (int i = 0; i < composed.length(); ) {
            int cp = composed.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\'' || cp == '\u2019') {
                continue;
            }
            String piece = piece(cp);
            if (piece == null) {
                pendingDash = true;
                continue;
            }
            if (pendingDash && !out.isEmpty()) {
                out.append('-');
            }
            pendingDash = false;
            out.append(piece);
        }
        if (out.isEmpty()) {
            // nothing readable is left ("!!!"): a hash still keeps distinct inputs apart
            return "x" + Integer.toHexString(text.hashCode());
        }
        return out.toString();
    }

    /** What one lower-case code point becomes in a slug; null for a separator. */
    private static String piece(int cp) {
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
            return Character.toString(cp);
        }
        if (cp < 0x80) {
            return null;
        }
        if (cp <= 0xFFFF && LATIN.containsKey((char) cp)) {
            return LATIN.get((char) cp);
        }
        // a Latin letter with diacritics decomposes into an ASCII letter and non-spacing marks
        String decomposed = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFD);
        int base = decomposed.codePointAt(0);
        if (base >= 'a' && base <= 'z' && decomposed.codePoints().skip(1)
                .allMatch(c -> Character.getType(c) == Character.NON_SPACING_MARK)) {
            return Character.toString(base);
        }
        int type = Character.getType(cp);
        boolean wordPart = Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
        return wordPart ? percentEncode(cp) : null;
    }

    private static String percentEncode(int codePoint) {
        StringBuilder out = new StringBuilder();
        for (byte b : Character.toString(codePoint).getBytes(StandardCharsets.UTF_8)) {
            out.append('%').append(String.format("%02X", b & 0xFF));
        }
        return out.toString();
    }

    private static Node fragment(Node document, String fragment) {
        if (document == null || !document.isURI() || document.getURI().contains("#")) {
            throw new IllegalArgumentException("not a document IRI: " + document);
        }
        return NodeFactory.createURI(document.getURI() + "#" + fragment);
    }
}
