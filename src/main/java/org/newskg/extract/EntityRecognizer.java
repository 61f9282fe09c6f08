package org.newskg.extract;

import java.time.LocalDate;
import java.util.List;

import org.newskg.text.AnnotatedText;

/**
 * Finds the people, organisations, places and unnamed collective sources a document talks
 * about, every mention of them (names, surnames, acronyms, pronouns, definite descriptions)
 * and the titles the text gives people.
 *
 * <p>OpenNLP supplies tokens, POS tags and lemmas only; recognition itself is rule-based:
 * runs of capitalised words are typed by general lexicons (countries, capitals, demonyms,
 * international organisations, organisation and place head-words, titles, given names) and by
 * context ("in X", "X-based", "Mr X", "X, who"). Only the masked clean text is read, so page
 * furniture never yields entities. The lexicons load once; an instance is immutable and safe
 * to share between threads.
 *
 * <pre>{@code
 * AnnotatedText t = Linguistics.english().annotate(CleanText.unchanged(
 *         "Defence Minister Anna Novak said the Ministry of Defence (MoD) was ready. She added ..."));
 * Entities found = new EntityRecognizer().recognize(t, LocalDate.of(2024, 1, 29));
 * found.roles();   // [RoleClaim(person=e1, title="Defence Minister", ...)]
 * }</pre>
 */
public final class EntityRecognizer {

    private final EntityLexicon lexicon;

    /** A recogniser with the standard lexicons of {@code src/main/resources/lexicon/}. */
    public EntityRecognizer() {
        this.lexicon = EntityLexicon.standard();
    }

    /**
     * Recognises the entities of one document.
     *
     * @param text         the annotated clean text
     * @param documentDate the date role claims hold as of; may be null
     */
    public Entities recognize(AnnotatedText text, LocalDate documentDate) {
        if (text.sentences().isEmpty()) {
            return Entities.NONE;
        }
        return new DocumentEntities(text, documentDate, lexicon).find();
    }
}
