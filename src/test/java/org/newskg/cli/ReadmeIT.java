package org.newskg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's commands for real, through the {@code ./newskg} launcher and the packaged jar
 * (after {@code package}, hence an integration test). The set-up command must build the examples and
 * serve them over HTTP; every walkthrough command must succeed and print the lines the README shows.
 */
class ReadmeIT {

    static final Path README = Path.of("README.md");

    @TempDir
    Path tmp;

    /** An indented shell line of the README starting with ./newskg, and the output lines shown under it. */
    record Example(String command, List<String> shown) {
    }

    static List<Example> examples() throws IOException {
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("    ./newskg ") || line.startsWith("    $ ./newskg ")) {
                List<String> shown = new ArrayList<>();
                int j = i + 1;
                while (j < lines.size() && lines.get(j).startsWith("    ") && !lines.get(j).startsWith("    ./newskg ")
                        && !lines.get(j).startsWith("    $ ")) {
                    String s = lines.get(j).substring(4);
                    if (!s.isBlank() && !s.strip().equals("...")) {
                        shown.add(s);
                    }
                    j++;
                }
                out.add(new Example(line.strip().replaceFirst("^\\$ ", ""), shown));
            }
        }
        return out;
    }

    private String withDb(String command, Path db) {
        return command.replace("newskg-db", db.toString());
    }

    @Test
    void setUpCommandBuildsTheExamplesAndServesThem() throws Exception {
        Example setUp = examples().stream().filter(e -> e.command().contains(" serve")).findFirst()
                .orElseThrow(() -> new AssertionError("README has no set-up command that serves"));
        Path db = tmp.resolve("db");
        String command = withDb(setUp.command(), db) + " --port 0";
        Process p = new ProcessBuilder("bash", "-c", command.replace("&& ./newskg serve", "&& exec ./newskg serve"))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> endpoint = CompletableFuture.supplyAsync(() -> {
                Pattern url = Pattern.compile("(http://localhost:\\d+/newskg/sparql)");
                try {
                    for (String line; (line = out.readLine()) != null; ) {
                        Matcher m = url.matcher(line);
                        if (m.find()) {
                            return m.group(1);
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                throw new AssertionError("serve ended without printing its SPARQL URL");
            });
            String sparql = endpoint.get(240, TimeUnit.SECONDS);
            String query = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/newskg/ontology#Statement> }";
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(sparql + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                    .header("Accept", "text/csv").timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            int n = Integer.parseInt(r.body().strip().split("\r?\n")[1].strip());
            assertTrue(n > 10, "served store holds only " + n + " statements");
        } finally {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void walkthroughCommandsPrintWhatTheReadmeShows() throws Exception {
        Path db = tmp.resolve("walk-db");
        run("./newskg build examples/news --db " + db);
        List<Example> queries = examples().stream().filter(e -> e.command().startsWith("./newskg query")).toList();
        assertTrue(queries.size() >= 8, "README walkthrough should show the canned queries");
        for (Example e : queries) {
            String out = run(withDb(e.command(), db));
            for (String line : e.shown()) {
                if (!out.contains(line)) {
                    fail("README shows a line the command no longer prints.\ncommand: " + e.command()
                            + "\nline: " + line + "\nactual output:\n" + out);
                }
            }
        }
    }

    private static String run(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(false).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), command + " timed out");
        assertEquals(0, p.exitValue(), () -> command + " failed:\n" + err.join());
        return out;
    }
}
