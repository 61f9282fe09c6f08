package org.newskg.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.lemmatizer.ThreadSafeLemmatizerME;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.ThreadSafePOSTaggerME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.ThreadSafeSentenceDetectorME;
import opennlp.tools.tokenize.ThreadSafeTokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * The linguistic layer: OpenNLP sentence detection, tokenisation, POS tagging and
 * lemmatisation with the English UD (EWT) models from Maven Central.
 *
 * <p>The models load once per process ({@link #english()}); the instance is safe to share
 * between threads because it uses OpenNLP's thread-safe wrappers.
 *
 * <pre>{@code
 * AnnotatedText t = Linguistics.english().annotate(CleanText.unchanged("He said it. She agreed."));
 * t.sentences().size();   // 2
 * }</pre>
 */
public final class Linguistics {

    private static final String MODEL_VERSION = "1.3-2.5.4";

    private final ThreadSafeSentenceDetectorME sentences;
    private final ThreadSafeTokenizerME tokenizer;
    private final ThreadSafePOSTaggerME tagger;
    private final ThreadSafeLemmatizerME lemmatizer;

    private Linguistics() {
        try {
            sentences = new ThreadSafeSentenceDetectorME(new SentenceModel(model("sentence")));
            tokenizer = new ThreadSafeTokenizerME(new TokenizerModel(model("tokens")));
            tagger = new ThreadSafePOSTaggerME(new POSModel(model("pos")));
            lemmatizer = new ThreadSafeLemmatizerME(new LemmatizerModel(model("lemmas")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the OpenNLP English UD models", e);
        }
    }

    private static final class Holder {
        static final Linguistics ENGLISH = new Linguistics();
    }

    /** The shared English pipeline; the first call loads the models. */
    public static Linguistics english() {
        return Holder.ENGLISH;
    }

    private static InputStream model(String kind) throws IOException {
        String name = "/opennlp-en-ud-ewt-" + kind + "-" + MODEL_VERSION + ".bin";
        InputStream in = Linguistics.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("model " + name + " is not on the classpath");
        }
        return in;
    }

    /** Splits, tokenises, tags and lemmatises the clean text. */
    public AnnotatedText annotate(CleanText clean) {
        String text = clean.text();
        List<Sentence> result = new ArrayList<>();
        for (opennlp.tools.util.Span paragraph : paragraphs(text)) {
            int base = paragraph.getStart();
            String para = text.substring(base, paragraph.getEnd());
            for (opennlp.tools.util.Span s : SentenceRepair.bound(para, SentenceRepair.merge(para, sentences.sentPosDetect(para)))) {
                Sentence sentence = sentence(result.size(), text, base + s.getStart(), base + s.getEnd());
                if (!sentence.tokens().isEmpty()) {
                    result.add(sentence);
                }
            }
        }
        return new AnnotatedText(clean, result);
    }

    /** Sentences never cross a blank line or a line break: news text puts headlines and paragraphs on lines of their own. */
    private static List<opennlp.tools.util.Span> paragraphs(String text) {
        List<opennlp.tools.util.Span> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                if (!text.substring(start, i).isBlank()) {
                    out.add(new opennlp.tools.util.Span(start, i));
                }
                start = i + 1;
            }
        }
        return out;
    }

    private Sentence sentence(int index, String text, int begin, int end) {
        String s = text.substring(begin, end);
        opennlp.tools.util.Span[] spans = tokenizer.tokenizePos(s);
        String[] words = new String[spans.length];
        for (int i = 0; i < spans.length; i++) {
            words[i] = spans[i].getCoveredText(s).toString();
        }
        String[] tags = tagger.tag(words);
        String[] lemmas = lemmatizer.lemmatize(words, tags);
        List<Token> tokens = new ArrayList<>(spans.length);
        for (int i = 0; i < spans.length; i++) {
            String lemma = lemmas[i] == null || lemmas[i].isEmpty() || "O".equals(lemmas[i]) ? words[i].toLowerCase() : lemmas[i];
            tokens.add(new Token(new Span(begin + spans[i].getStart(), begin + spans[i].getEnd()), words[i], tags[i], lemma));
        }
        // trim the sentence to its tokens, so leading or trailing spaces never count
        Span span = tokens.isEmpty() ? new Span(begin, end)
                : new Span(tokens.get(0).begin(), tokens.get(tokens.size() - 1).end());
        return new Sentence(index, span, tokens);
    }
}
