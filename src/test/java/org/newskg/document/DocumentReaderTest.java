package org.newskg.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class DocumentReaderTest {

    /** Collects what the reader delivers; problems are kept, not thrown. */
    public static final class Collected implements DocumentSink {
        public final List<SourceDocument> documents = new ArrayList<>();
        public final List<InputProblem> problems = new ArrayList<>();

        @Override
        public void document(SourceDocument doc) {
            documents.add(doc);
        }

        @Override
        public void problem(InputProblem problem) {
            problems.add(problem);
        }

        List<String> sources() {
            return documents.stream().map(SourceDocument::source).toList();
        }

        List<String> ids() {
            return problems.stream().map(InputProblem::id).toList();
        }
    }

    @TempDir
    Path dir;

    private Collected read(DocumentReader reader, String... inputs) {
        Collected c = new Collected();
        reader.read(List.of(inputs), c);
        return c;
    }

    private Collected read(String... inputs) {
        return read(new DocumentReader(), inputs);
    }

    private String write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private String write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p.toString();
    }

    @Test
    void readsTextFileAsIs() throws IOException {
        String text = "Harbour reopens\r\n\r\nThe port authority said ships may dock again.\n";
        String path = write("a.txt", text);
        Collected c = read(path);
        assertEquals(List.of(), c.problems);
        assertEquals(1, c.documents.size());
        assertEquals(text, c.documents.get(0).text(), "line endings untouched");
        assertEquals(path, c.documents.get(0).source());
        assertEquals(DocumentMetadata.NONE, c.documents.get(0).metadata());
    }

    @Test
    void removesLeadingBomSoOffsetsStartAtTheText() throws IOException {
        byte[] body = "Mayor speaks.".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        Collected c = read(write("bom.txt", bytes));
        String text = c.documents.get(0).text();
        assertEquals("Mayor speaks.", text);
        assertEquals(0, text.indexOf("Mayor"));
    }

    @Test
    void reportsInvalidUtf8WithByteOffset() throws IOException {
        byte[] bytes = "Caf\u00e9 owners met. Then X".getBytes(StandardCharsets.UTF_8);
        // "Café owners met. Then " is 23 bytes (é takes two); break the sequence after it
        byte[] bad = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, bad, 0, bytes.length);
        bad[bytes.length] = (byte) 0xC3;
        bad[bytes.length + 1] = (byte) 0x28;
        String path = write("news/bad.txt", bad);
        Collected c = read(path);
        assertEquals(List.of(), c.documents);
        InputProblem p = c.problems.get(0);
        assertEquals("NKG-E103", p.id());
        assertEquals("byte " + bytes.length, p.position());
        assertEquals("NKG-E103 " + path + " at byte " + bytes.length + ": invalid UTF-8 (byte 0xC3 followed by 0x28)",
                p.toString());
    }

    @Test
    void byteOffsetsCountTheBomAsTheFileHoldsIt() throws IOException {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'O', 'k', ' ', (byte) 0xE2, (byte) 0x82, '!'};
        Collected c = read(write("bom-bad.txt", bytes));
        assertEquals(List.of("NKG-E103"), c.ids());
        assertEquals("byte 6", c.problems.get(0).position());
        assertEquals("invalid UTF-8 (bytes 0xE2 0x82 followed by 0x21)", c.problems.get(0).message());
        Collected cut = read(write("cut.txt", new byte[] {'A', 'b', (byte) 0xC3}));
        assertEquals("NKG-E103 " + dir.resolve("cut.txt") + " at byte 2: invalid UTF-8 (byte 0xC3 at the end)",
                cut.problems.get(0).toString());
    }

    @Test
    void rejectsBinaryContentWithOffsetOfFirstControlByte() throws IOException {
        byte[] bytes = {'P', 'K', 3, 4, 0, 0};
        Collected c = read(write("archive.txt", bytes));
        assertEquals(List.of(), c.documents);
        assertEquals(List.of("NKG-E104"), c.ids());
        assertEquals("byte 2", c.problems.get(0).position());
    }

    @Test
    void rejectsUtf16AsNotUtf8() throws IOException {
        byte[] bytes = "\uFEFFHi".getBytes(StandardCharsets.UTF_16LE);
        Collected c = read(write("wide.txt", bytes));
        assertEquals(List.of("NKG-E103"), c.ids());
        assertEquals("byte 0", c.problems.get(0).position());
    }

    @Test
    void reportsEmptyAndWhitespaceOnlyDocuments() throws IOException {
        Collected c = read(write("empty.txt", ""), write("blank.txt", " \n\t\n"));
        assertEquals(List.of(), c.documents);
        assertEquals(List.of("NKG-E102", "NKG-E102"), c.ids());
    }

    @Test
    void rejectsDocumentAboveLimitWithoutStoppingOthers() throws IOException {
        Path big = dir.resolve("big.txt");
        try (OutputStream out = Files.newOutputStream(big)) {
            byte[] line = "The committee met again today.\n".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 2000; i++) {
                out.write(line);
            }
        }
        String small = write("small.txt", "A short note.");
        Collected c = read(new DocumentReader(10_000), big.toString(), small);
        assertEquals(List.of(small), c.sources());
        assertEquals(List.of("NKG-E105"), c.ids());
        assertTrue(c.problems.get(0).message().contains("62000 bytes"), c.problems.get(0).message());
        assertTrue(c.problems.get(0).message().contains("10000"), c.problems.get(0).message());
    }

    @Test
    void builderRejectsNonPositiveLimitNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DocumentReader.builder().maxBytes(-5));
        assertTrue(e.getMessage().contains("-5"));
        assertEquals(DocumentReader.DEFAULT_MAX_BYTES, new DocumentReader().maxBytes());
    }

    @Test
    void readsHtmlArticleText() throws IOException {
        String html = """
                <!DOCTYPE html><html><head><title>River port news | Daily Example</title>
                <meta name="author" content="Ann Example">
                <meta property="og:site_name" content="Daily Example">
                <meta property="article:published_time" content="2023-05-04T08:30:00+02:00">
                <link rel="canonical" href="https://news.example.org/river">
                <script>var tracking = "said nothing";</script><style>p { color: red }</style></head>
                <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
                <header>Site banner</header>
                <article><h1>Barges return to the river</h1>
                <p>The harbour master   said the channel
                was clear.</p>
                <p>Traders <b>welcomed</b> the news.<br>More boats are due.</p>
                <aside>Related: other stories</aside>
                <form>Subscribe <input></form></article>
                <footer>Copyright</footer></body></html>
                """;
        Collected c = read(write("page.html", html));
        assertEquals(List.of(), c.problems);
        SourceDocument d = c.documents.get(0);
        assertEquals("Barges return to the river\n\nThe harbour master said the channel was clear.\n\n"
                + "Traders welcomed the news.\nMore boats are due.", d.text());
        assertEquals("Barges return to the river", d.metadata().title());
        assertEquals("Ann Example", d.metadata().author());
        assertEquals("Daily Example", d.metadata().publisher());
        assertEquals(LocalDate.of(2023, 5, 4), d.metadata().date());
        assertEquals("https://news.example.org/river", d.metadata().url());
    }

    @Test
    void htmlWithoutArticleUsesMainThenTitle() throws IOException {
        String html = "<html><head><title>Budget vote</title></head><body><div>Menu</div>"
                + "<main><p>Council approved the budget.</p></main></body></html>";
        Collected c = read(write("b.htm", html));
        assertEquals("Council approved the budget.", c.documents.get(0).text());
        assertEquals("Budget vote", c.documents.get(0).metadata().title());
    }

    @Test
    void htmlPicksTheLongestArticleAndCollapsesNonBreakingSpaces() throws IOException {
        String html = "<body><article><h2>Teaser</h2><p>Short.</p></article>"
                + "<article><p>The mayor&nbsp;&nbsp;opened the new library on Saturday morning.</p>"
                + "<pre>line one\n  line two</pre></article></body>";
        Collected c = read(write("two.html", html));
        assertEquals("The mayor opened the new library on Saturday morning.\n\nline one\n  line two",
                c.documents.get(0).text());
        assertNull(c.documents.get(0).metadata().title());
    }

    @Test
    void htmlWithNoTextIsEmpty() throws IOException {
        Collected c = read(write("e.html", "<html><body><nav>Home</nav><script>x()</script></body></html>"));
        assertEquals(List.of("NKG-E102"), c.ids());
    }

    @Test
    void readsJsonLinesAndKeepsGoodLinesNextToBadOnes() throws IOException {
        String jsonl = String.join("\n",
                "{\"text\": \"First story body.\", \"title\": \"One\", \"url\": \"https://example.org/1\", "
                        + "\"date\": \"2022-11-03\", \"author\": \"Ben Writer\", \"publisher\": \"Example Wire\"}",
                "{\"text\": \"Broken",
                "",
                "{\"title\": \"no text here\"}",
                "{\"text\": \"Second story.\", \"date\": \"2022-11-04T17:00:00Z\"}",
                "[1, 2]",
                "{\"text\": \"Third story.\", \"date\": \"last Tuesday\"}",
                "{\"text\": 42}") + "\n";
        String path = write("feed.jsonl", jsonl);
        Collected c = read(path);
        assertEquals(List.of("https://example.org/1", path + ":5", path + ":7"), c.sources());
        DocumentMetadata m = c.documents.get(0).metadata();
        assertEquals(new DocumentMetadata("One", "https://example.org/1", LocalDate.of(2022, 11, 3),
                "Ben Writer", "Example Wire"), m);
        assertEquals("First story body.", c.documents.get(0).text());
        assertEquals(LocalDate.of(2022, 11, 4), c.documents.get(1).metadata().date());
        assertNull(c.documents.get(2).metadata().date());
        assertEquals(List.of("NKG-E106", "NKG-E107", "NKG-E106", "NKG-E109", "NKG-E107"), c.ids());
        InputProblem broken = c.problems.get(0);
        assertEquals(path, broken.source());
        assertTrue(broken.position().startsWith("line 2, column "), broken.position());
        assertEquals("line 4", c.problems.get(1).position());
    }

    @Test
    void jsonLineWithInvalidUtf8ReportsFileByteOffset() throws IOException {
        byte[] first = "{\"text\": \"Fine.\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] second = "{\"text\": \"bad \u00ff\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        String path = write("mixed.jsonl", all);
        Collected c = read(path);
        assertEquals(List.of(path + ":1"), c.sources());
        assertEquals(List.of("NKG-E103"), c.ids());
        int offset = first.length + "{\"text\": \"bad ".length();
        assertEquals("byte " + offset, c.problems.get(0).position());
    }

    @Test
    void jsonLineAboveLimitIsSkippedAlone() throws IOException {
        String longText = "word ".repeat(100);
        String path = write("long.jsonl", "{\"text\": \"" + longText + "\"}\r\n{\"text\": \"Short.\"}\r\n");
        Collected c = read(new DocumentReader(200), path);
        assertEquals(List.of("Short."), c.documents.stream().map(SourceDocument::text).toList());
        assertEquals(List.of("NKG-E105"), c.ids());
        assertEquals("line 1", c.problems.get(0).position());
    }

    @Test
    void jsonLinesFileWithOnlyBlankLinesIsEmpty() throws IOException {
        Collected c = read(write("blank.jsonl", "\n  \n\r\n"), write("nothing.jsonl", ""));
        assertEquals(List.of("NKG-E102", "NKG-E102"), c.ids());
        Collected bad = read(write("onlybad.jsonl", "{oops}\n"));
        assertEquals(List.of("NKG-E106"), bad.ids(), "a bad line is not also an empty file");
        Collected big = read(new DocumentReader(20), write("onlybig.jsonl", "{\"text\": \"" + "x".repeat(50) + "\"}\n"));
        assertEquals(List.of("NKG-E105"), big.ids(), "a line too large is not also an empty file");
    }

    @Test
    void readsDirectoryTreeRecursivelyInNameOrder() throws IOException {
        write("tree/b.txt", "Second file.");
        write("tree/a.txt", "First file.");
        write("tree/sub/c.html", "<p>Third file.</p>");
        write("tree/sub/deeper/d.jsonl", "{\"text\": \"Fourth.\"}\n");
        write("tree/notes.md", "ignored");
        write("tree/.git/HEAD.txt", "hidden folder");
        write("tree/._a.txt", new byte[] {0, 5, 22, 7});
        write("tree/image.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0});
        String root = dir.resolve("tree").toString();
        Collected c = read(root + "/");
        assertEquals(List.of(), c.problems);
        assertEquals(List.of(root + "/a.txt", root + "/b.txt", root + "/sub/c.html", root + "/sub/deeper/d.jsonl:1"),
                c.sources());
    }

    @Test
    void relativeInputStaysRelative() throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        Path file = Files.createTempFile(Files.createDirectories(cwd.resolve("target")), "rel", ".txt");
        try {
            Files.writeString(file, "Relative path text.");
            String given = cwd.relativize(file).toString();
            Collected c = read(given);
            assertEquals(List.of(given), c.sources());
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void emptyDirectoryIsReported() throws IOException {
        Files.createDirectories(dir.resolve("nothing"));
        write("nothing/readme.md", "not an article");
        Collected c = read(dir.resolve("nothing").toString());
        assertEquals(List.of("NKG-E110"), c.ids());
    }

    @Test
    void readsStandardInput() {
        DocumentReader reader = DocumentReader.builder()
                .standardInput(new ByteArrayInputStream("Piped in.\n".getBytes(StandardCharsets.UTF_8)))
                .build();
        Collected c = read(reader, "-");
        assertEquals(List.of("-"), c.sources());
        assertEquals("Piped in.\n", c.documents.get(0).text());
    }

    @Test
    void standardInputAboveLimitIsRejected() {
        DocumentReader reader = DocumentReader.builder().maxBytes(10)
                .standardInput(new ByteArrayInputStream(new byte[50_000]))
                .build();
        Collected c = read(reader, "-");
        assertEquals(List.of("NKG-E105"), c.ids());
    }

    @Test
    void missingAndUnsupportedInputsAreReportedAndOthersStillRead() throws IOException {
        String good = write("ok.txt", "Still read.");
        String pdf = write("paper.pdf", "%PDF-1.4");
        String missing = dir.resolve("gone.txt").toString();
        Collected c = read(missing, pdf, "bad\u0000name.txt", good);
        assertEquals(List.of(good), c.sources());
        assertEquals(List.of("NKG-E101", "NKG-E108", "NKG-E101"), c.ids());
        assertEquals("NKG-E101 " + missing + ": no such file or directory", c.problems.get(0).toString());
    }

    @Test
    void strictSinkStopsReadingByThrowing() throws IOException {
        String empty = write("x/1.txt", "");
        String later = write("x/2.txt", "Never reached.");
        List<SourceDocument> seen = new ArrayList<>();
        DocumentSink strict = new DocumentSink() {
            @Override
            public void document(SourceDocument doc) {
                seen.add(doc);
            }

            @Override
            public void problem(InputProblem problem) {
                throw new IllegalStateException(problem.toString());
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new DocumentReader().read(List.of(empty, later), strict));
        assertTrue(e.getMessage().startsWith("NKG-E102 " + empty));
        assertEquals(List.of(), seen);
    }

    @Test
    void everyErrorHasADistinctIdAndDescription() {
        List<String> ids = new ArrayList<>();
        for (InputError e : InputError.values()) {
            assertTrue(e.id().matches("NKG-E[12]\\d\\d"), e.id());
            assertTrue(!e.description().isBlank());
            assertTrue(!ids.contains(e.id()), e.id());
            ids.add(e.id());
        }
    }
}
