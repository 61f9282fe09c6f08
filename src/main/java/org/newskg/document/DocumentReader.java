package org.newskg.document;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the inputs named on the command line and streams them, one {@link SourceDocument}
 * at a time, into a {@link DocumentSink}. Nothing is gathered: memory holds one document
 * (or one {@code .jsonl} line) at a time.
 *
 * <p>An input is
 * <ul>
 * <li>a {@code .txt} file: the whole file is the text;</li>
 * <li>an {@code .html}/{@code .htm} file: the article text (see below);</li>
 * <li>a {@code .jsonl} file: one article per line, {@code {"text": ..., "title"?, "url"?,
 *     "date"?, "author"?, "publisher"?}};</li>
 * <li>a directory, read recursively in name order, taking only the four kinds of file above
 *     and skipping hidden entries (names starting with a dot) and links to directories;</li>
 * <li>{@code -}: standard input, read as text, with source {@code "-"}.</li>
 * </ul>
 *
 * <p>Text is strict UTF-8 (the first bad byte is reported with its byte offset), a leading
 * BOM is removed and line endings are kept. A document above {@link Builder#maxBytes} is
 * rejected before it is loaded. Each problem goes to {@link DocumentSink#problem} with a
 * stable id from {@link InputError}, and reading goes on with the next input; a sink that
 * throws from {@code problem} stops the reader.
 *
 * <p>{@link SourceDocument#source()} is the path as given, joined with the path inside a
 * directory ({@code news} + {@code a/b.txt} gives {@code news/a/b.txt}; relative stays
 * relative). A {@code .jsonl} article's source is its {@code url} when it has one, else the
 * file's source with the line number appended: {@code feed.jsonl:3}.
 *
 * <p>HTML: the longest {@code <article>}, else {@code <main>}, else the body; scripts,
 * styles, {@code nav}, {@code header}, {@code footer}, {@code aside} and {@code form} are
 * dropped; each block element becomes a paragraph, separated by a blank line. The title is
 * the first {@code <h1>} (else {@code <title>}); canonical url, author, site name and
 * publication date are taken from the usual {@code <meta>} tags.
 *
 * <pre>{@code
 * DocumentReader reader = DocumentReader.builder().maxBytes(2_000_000).build();
 * reader.read(List.of("news/", "extra.jsonl", "-"), sink);
 * }</pre>
 */
public final class DocumentReader {

    /** 10 MiB. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final long maxBytes;
    private final Supplier<InputStream> standardInput;

    private DocumentReader(Builder b) {
        this.maxBytes = b.maxBytes;
        this.standardInput = b.standardInput;
    }

    /** A reader with the default limit of {@value #DEFAULT_MAX_BYTES} bytes per document. */
    public DocumentReader() {
        this(builder());
    }

    /** A reader that rejects documents above {@code maxBytes}. */
    public DocumentReader(long maxBytes) {
        this(builder().maxBytes(maxBytes));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The size limit of one document, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Reads every input in order, delivering documents and problems to {@code sink}.
     *
     * @throws RuntimeException whatever {@code sink} throws; nothing else escapes for a bad input
     */
    public void read(List<String> inputs, DocumentSink sink) {
        Objects.requireNonNull(sink, "sink");
        for (String input : inputs) {
            readInput(input, sink);
        }
    }

    private void readInput(String input, DocumentSink sink) {
        if (input.equals("-")) {
            readStandardInput(sink);
            return;
        }
        Path path;
        try {
            path = Path.of(input);
        } catch (InvalidPathException e) {
            sink.problem(InputError.NOT_READABLE.at(input, null, "not a valid path: " + e.getReason()));
            return;
        }
        if (Files.isDirectory(path)) {
            if (readDirectory(path, stripTrailingSeparator(input), sink) == 0) {
                sink.problem(InputError.NO_DOCUMENTS.at(input, null,
                        "no .txt, .html, .htm or .jsonl file in this directory"));
            }
        } else if (!Files.exists(path)) {
            sink.problem(InputError.NOT_READABLE.at(input, null, "no such file or directory"));
        } else if (kind(path) == null) {
            sink.problem(InputError.UNSUPPORTED_TYPE.at(input, null,
                    "unsupported file type; expected .txt, .html, .htm or .jsonl"));
        } else {
            readFile(path, input, sink);
        }
    }

    /** Returns how many files of a readable kind the tree holds, to tell an empty directory from a bad one. */
    private int readDirectory(Path dir, String source, DocumentSink sink) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        } catch (DirectoryIteratorException e) {
            sink.problem(InputError.NOT_READABLE.at(source, null, "cannot list directory: " + reason(e.getCause())));
            return 1;
        } catch (IOException e) {
            sink.problem(InputError.NOT_READABLE.at(source, null, "cannot list directory: " + reason(e)));
            return 1;
        }
        entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        int files = 0;
        for (Path entry : entries) {
            // hidden entries are version-control folders, editor backups and resource forks, never articles
            if (entry.getFileName().toString().startsWith(".")) {
                continue;
            }
            String entrySource = source + (source.endsWith("/") ? "" : "/") + entry.getFileName();
            // symbolic links to directories are not followed: they can form cycles
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                files += readDirectory(entry, entrySource, sink);
            } else if (Files.isRegularFile(entry) && kind(entry) != null) {
                files++;
                readFile(entry, entrySource, sink);
            }
        }
        return files;
    }

    private enum Kind { TEXT, HTML, JSONL }

    private static Kind kind(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt")) {
            return Kind.TEXT;
        } else if (name.endsWith(".html") || name.endsWith(".htm")) {
            return Kind.HTML;
        } else if (name.endsWith(".jsonl")) {
            return Kind.JSONL;
        }
        return null;
    }

    private void readFile(Path path, String source, DocumentSink sink) {
        Kind kind = kind(path);
        if (kind == Kind.JSONL) {
            readJsonLines(path, source, sink);
            return;
        }
        SourceDocument doc;
        try {
            long size = Files.size(path);
            if (size > maxBytes) {
                throw tooLarge(size);
            }
            byte[] bytes = Files.readAllBytes(path);
            if (bytes.length > maxBytes) {
                throw tooLarge(bytes.length); // the file grew after it was measured
            }
            doc = document(source, bytes, kind);
        } catch (Rejection r) {
            sink.problem(r.problem(source));
            return;
        } catch (IOException e) {
            sink.problem(InputError.NOT_READABLE.at(source, null, "cannot read: " + reason(e)));
            return;
        }
        sink.document(doc);
    }

    private void readStandardInput(DocumentSink sink) {
        SourceDocument doc;
        try {
            byte[] bytes = readAtMost(standardInput.get(), maxBytes);
            doc = document("-", bytes, Kind.TEXT);
        } catch (Rejection r) {
            sink.problem(r.problem("-"));
            return;
        } catch (IOException e) {
            sink.problem(InputError.NOT_READABLE.at("-", null, "cannot read standard input: " + reason(e)));
            return;
        }
        sink.document(doc);
    }

    /** Reads up to the limit and no further, so an endless stream cannot exhaust memory. */
    private static byte[] readAtMost(InputStream in, long maxBytes) throws IOException, Rejection {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > maxBytes) {
                throw new Rejection(InputError.TOO_LARGE, null,
                        "document is larger than the limit of " + maxBytes + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static SourceDocument document(String source, byte[] bytes, Kind kind) throws Rejection {
        String text = Utf8Text.decode(bytes, 0, bytes.length, 0);
        DocumentMetadata metadata = DocumentMetadata.NONE;
        if (kind == Kind.HTML) {
            HtmlArticle article = HtmlArticle.parse(text);
            text = article.text;
            metadata = article.metadata;
        }
        if (text.isBlank()) {
            throw new Rejection(InputError.EMPTY, null, kind == Kind.HTML
                    ? "the page holds no article text"
                    : bytes.length == 0 ? "the document is empty" : "the document holds only whitespace");
        }
        return new SourceDocument(source, text, metadata);
    }

    private Rejection tooLarge(long size) {
        return new Rejection(InputError.TOO_LARGE, null,
                "document has " + size + " bytes, more than the limit of " + maxBytes + " bytes");
    }

    private void readJsonLines(Path path, String source, DocumentSink sink) {
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            sink.problem(InputError.NOT_READABLE.at(source, null, "cannot read: " + reason(e)));
            return;
        }
        if (size == 0) {
            sink.problem(InputError.EMPTY.at(source, null, "the file holds no line"));
            return;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            JsonLines lines = new JsonLines(in);
            boolean anyContent = false;
            while (lines.next()) {
                if (lines.length > maxBytes) {
                    anyContent = true;
                    sink.problem(InputError.TOO_LARGE.at(source, "line " + lines.number,
                            "line has " + lines.length + " bytes, more than the limit of " + maxBytes + " bytes"));
                    continue;
                }
                String text;
                try {
                    text = Utf8Text.decode(lines.bytes, 0, lines.count, lines.start);
                } catch (Rejection r) {
                    anyContent = true;
                    sink.problem(r.problem(source));
                    continue;
                }
                if (text.isBlank()) {
                    continue;
                }
                anyContent = true;
                readJsonLine(text, source, lines.number, sink);
            }
            if (!anyContent) {
                sink.problem(InputError.EMPTY.at(source, null, "the file holds only blank lines"));
            }
        } catch (NoSuchFileException e) {
            sink.problem(InputError.NOT_READABLE.at(source, null, "no such file"));
        } catch (IOException e) {
            sink.problem(InputError.NOT_READABLE.at(source, null, "cannot read: " + reason(e)));
        }
    }

    private void readJsonLine(String line, String fileSource, long number, DocumentSink sink) {
        String at = "line " + number;
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String position = where == null ? at : at + ", column " + where.getColumnNr();
            sink.problem(InputError.BAD_JSON.at(fileSource, position, "bad JSON: " + firstLine(e.getOriginalMessage())));
            return;
        }
        if (!node.isObject()) {
            sink.problem(InputError.BAD_JSON.at(fileSource, at, "expected a JSON object, found " + node.getNodeType().name().toLowerCase(Locale.ROOT)));
            return;
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            sink.problem(InputError.NO_TEXT.at(fileSource, at, text == null
                    ? "no \"text\" field" : "\"text\" is not a string"));
            return;
        }
        if (text.asText().isBlank()) {
            sink.problem(InputError.EMPTY.at(fileSource, at, "\"text\" is empty"));
            return;
        }
        String url = field(node, "url");
        String source = url != null ? url : fileSource + ":" + number;
        LocalDate date = null;
        String dateValue = field(node, "date");
        if (dateValue != null) {
            date = IsoDates.parse(dateValue);
            if (date == null) {
                sink.problem(InputError.BAD_METADATA.at(fileSource, at,
                        "\"date\" is not an ISO 8601 date or date-time: \"" + dateValue + "\"; left out"));
            }
        }
        DocumentMetadata metadata = new DocumentMetadata(field(node, "title"), url, date,
                field(node, "author"), field(node, "publisher"));
        sink.document(new SourceDocument(source, text.asText(), metadata));
    }

    private static String field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || value.isContainerNode() || value.asText().isBlank()) {
            return null;
        }
        return value.asText().strip();
    }

    private static String stripTrailingSeparator(String input) {
        String s = input;
        while (s.length() > 1 && (s.endsWith("/") || s.endsWith(File.separator))) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * Lines of a .jsonl file as bytes, with their byte offset and number. A line longer than
     * the limit is skipped to its end without being kept.
     */
    private final class JsonLines {
        private final InputStream in;
        byte[] bytes = new byte[8192];
        int count;
        long length;
        long start;
        long number;
        private long offset;
        private boolean ended;

        JsonLines(InputStream in) {
            this.in = in;
        }

        boolean next() throws IOException {
            if (ended) {
                return false;
            }
            count = 0;
            length = 0;
            start = offset;
            number++;
            int b;
            while ((b = in.read()) >= 0) {
                offset++;
                if (b == '\n') {
                    trimCarriageReturn();
                    return true;
                }
                length++;
                if (length <= maxBytes) {
                    if (count == bytes.length) {
                        bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, 2L * bytes.length));
                    }
                    bytes[count++] = (byte) b;
                }
            }
            ended = true;
            trimCarriageReturn();
            return length > 0;
        }

        private void trimCarriageReturn() {
            if (count > 0 && bytes[count - 1] == '\r' && length == count) {
                count--;
                length--;
            }
        }
    }

    /**
     * Settings of a {@link DocumentReader}.
     *
     * <pre>{@code
     * DocumentReader r = DocumentReader.builder().maxBytes(1 << 20).build();
     * }</pre>
     */
    public static final class Builder {
        private long maxBytes = DEFAULT_MAX_BYTES;
        private Supplier<InputStream> standardInput = () -> System.in;

        private Builder() {
        }

        /** The largest document accepted, in bytes; larger ones are reported (NKG-E105) and not loaded. */
        public Builder maxBytes(long maxBytes) {
            if (maxBytes <= 0) {
                throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
            }
            this.maxBytes = maxBytes;
            return this;
        }

        /** Where {@code -} reads from; {@code System.in} unless set (tests, embedding). */
        public Builder standardInput(InputStream in) {
            Objects.requireNonNull(in, "standardInput");
            this.standardInput = () -> in;
            return this;
        }

        public DocumentReader build() {
            return new DocumentReader(this);
        }
    }
}
