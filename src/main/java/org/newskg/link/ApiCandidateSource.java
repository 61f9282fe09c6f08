package org.newskg.link;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Candidates from the live Wikidata API, politely: {@code wbsearchentities} over labels and aliases in {@code en}
 * and {@code mul}, then {@code wbgetentities} for the claims, the labels of the items they name, and the P279
 * superclasses of the P31 classes, level by level (see {@link #superclasses}). One request at a time, a descriptive User-Agent with
 * a contact, {@code maxlag=5}; HTTP 429 and 503 (and a maxlag error) are honoured by waiting for
 * {@code Retry-After}, with exponential backoff when there is none. Every successful response is kept in an
 * on-disk cache (one file per URL, written to a temporary file and moved into place, so a crash never leaves a
 * half-written entry), so a re-run asks nothing twice; offline, only the cache answers.
 *
 * <pre>{@code
 * try (var api = new ApiCandidateSource(URI.create(ApiCandidateSource.WIKIDATA_API), cacheDir, userAgent, false)) {
 *     Set<String> qids = api.search(List.of("Douglas Adams"));
 * }
 * }</pre>
 */
public final class ApiCandidateSource implements CandidateSource {

    public static final String WIKIDATA_API = "https://www.wikidata.org/w/api.php";
    public static final String DEFAULT_USER_AGENT = "NewsKG/0.1 (https://w3id.org/newskg; newskg link; contact: set --user-agent)";
    private static final int ATTEMPTS = 5;
    /** How many P279 steps above a candidate's P31 classes are followed to find what kind of thing it is. */
    static final int MAX_SUBCLASS_DEPTH = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI api;
    private final Path cache;
    private final String userAgent;
    private final boolean offline;
    private final HttpClient http;
    private Duration timeout = Duration.ofSeconds(30);
    private Duration maxWait = Duration.ofSeconds(120);
    private final List<String> problems = new ArrayList<>();
    private int requests;

    public ApiCandidateSource(URI api, Path cache, String userAgent, boolean offline) {
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("a User-Agent with a contact is required by Wikimedia's policy");
        }
        this.api = api;
        this.cache = cache;
        this.userAgent = userAgent;
        this.offline = offline;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The per-request timeout (default 30 s). */
    public ApiCandidateSource timeout(Duration t) {
        this.timeout = t;
        return this;
    }

    /** The longest wait for one Retry-After (default 120 s). */
    public ApiCandidateSource maxWait(Duration t) {
        this.maxWait = t;
        return this;
    }

    /** Requests that failed for good (malformed body, timeouts, errors), each with its URL. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** How many HTTP requests were sent (not answered from the cache). */
    public int requests() {
        return requests;
    }

    @Override
    public Set<String> search(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : new LinkedHashSet<>(names)) {
            if (name.isBlank()) {
                continue;
            }
            for (String lang : List.of("en", "mul")) {
                JsonNode r = get(Map.of("action", "wbsearchentities", "search", name, "language", lang, "uselang", "en",
                        "type", "item", "limit", "10"));
                if (r != null) {
                    for (JsonNode hit : r.path("search")) {
                        String id = hit.path("id").asText();
                        if (Wikidata.isQid(id)) {
                            out.add(id);
                        }
                    }
                }
            }
        }
        return out;
    }

    @Override
    public List<Candidate> facts(Collection<String> qids) {
        Map<String, JsonNode> entities = entities(qids, "labels|descriptions|aliases|claims|sitelinks");
        Set<String> referenced = new LinkedHashSet<>();
        Set<String> classes = new LinkedHashSet<>();
        for (JsonNode e : entities.values()) {
            for (String p : List.of(Wikidata.POSITION_HELD, Wikidata.CITIZENSHIP, Wikidata.OCCUPATION, Wikidata.EMPLOYER,
                    Wikidata.MEMBER_OF, Wikidata.PARTY, Wikidata.INSTANCE_OF)) {
                referenced.addAll(values(e, p));
            }
            classes.addAll(values(e, Wikidata.INSTANCE_OF));
        }
        Map<String, JsonNode> labels = entities(referenced, "labels");
        Map<String, List<String>> superclasses = superclasses(classes);
        List<Candidate> out = new ArrayList<>();
        for (var en : entities.entrySet()) {
            out.add(candidate(en.getKey(), en.getValue(), labels, superclasses));
        }
        return out;
    }

    /** One candidate from its {@code wbgetentities} entity, the labels of the items it refers to and the class tree. */
    private Candidate candidate(String qid, JsonNode e, Map<String, JsonNode> labels, Map<String, List<String>> superclasses) {
        Set<String> cls = ancestors(values(e, Wikidata.INSTANCE_OF), superclasses);
        cls.retainAll(TypeClasses.ALL);
        Map<String, List<Candidate.Item>> claims = new LinkedHashMap<>();
        for (String p : List.of(Wikidata.INSTANCE_OF, Wikidata.CITIZENSHIP, Wikidata.OCCUPATION, Wikidata.EMPLOYER,
                Wikidata.MEMBER_OF, Wikidata.PARTY)) {
            List<Candidate.Item> items = values(e, p).stream().map(v -> new Candidate.Item(v, label(labels.get(v)))).toList();
            if (!items.isEmpty()) {
                claims.put(p, items);
            }
        }
        return new Candidate(qid, names(e), text(e, "descriptions"), Set.copyOf(cls), positions(e, labels), claims,
                e.path("sitelinks").size(), method());
    }

    /** The labels, then the aliases, in {@code en} and then {@code mul}. */
    private static List<String> names(JsonNode e) {
        List<String> names = new ArrayList<>();
        for (String lang : List.of("en", "mul")) {
            String l = e.path("labels").path(lang).path("value").asText("");
            if (!l.isEmpty()) {
                names.add(l);
            }
        }
        for (String lang : List.of("en", "mul")) {
            for (JsonNode a : e.path("aliases").path(lang)) {
                names.add(a.path("value").asText());
            }
        }
        return names;
    }

    /** The P39 positions held, each with its label and P580/P582 qualifier dates. */
    private static List<Candidate.Position> positions(JsonNode e, Map<String, JsonNode> labels) {
        List<Candidate.Position> positions = new ArrayList<>();
        for (JsonNode st : e.path("claims").path(Wikidata.POSITION_HELD)) {
            String v = st.path("mainsnak").path("datavalue").path("value").path("id").asText("");
            if (Wikidata.isQid(v)) {
                positions.add(new Candidate.Position(v, label(labels.get(v)), qualifierDate(st, Wikidata.START),
                        qualifierDate(st, Wikidata.END)));
            }
        }
        return positions;
    }

    /**
     * The class tree above {@code classes}: each class reached maps to its direct P279 superclasses. Breadth-first,
     * one level per step and at most {@link #MAX_SUBCLASS_DEPTH} steps, so the answer matches {@code wdt:P31/wdt:P279*}
     * for every class that close to the item. Each class is fetched once, up to 50 ids per {@code wbgetentities}
     * request, so a cycle in P279 costs nothing extra; the requests go through the cache like every other.
     */
    private Map<String, List<String>> superclasses(Set<String> classes) {
        Map<String, List<String>> tree = new LinkedHashMap<>();
        Set<String> level = new LinkedHashSet<>(classes);
        for (int depth = 0; depth < MAX_SUBCLASS_DEPTH && !level.isEmpty(); depth++) {
            Map<String, JsonNode> fetched = entities(level, "claims");
            Set<String> next = new LinkedHashSet<>();
            for (String c : level) {
                JsonNode entity = fetched.get(c);
                List<String> parents = entity == null ? List.of() : values(entity, Wikidata.SUBCLASS_OF);
                tree.put(c, parents);
                next.addAll(parents);
            }
            next.removeAll(tree.keySet());
            level = next;
        }
        return tree;
    }

    /** The classes given and every class above them in {@code tree}, each once. */
    private static Set<String> ancestors(List<String> classes, Map<String, List<String>> tree) {
        Set<String> seen = new LinkedHashSet<>(classes);
        ArrayDeque<String> queue = new ArrayDeque<>(classes);
        while (!queue.isEmpty()) {
            for (String parent : tree.getOrDefault(queue.poll(), List.of())) {
                if (seen.add(parent)) {
                    queue.add(parent);
                }
            }
        }
        return seen;
    }

    private Map<String, JsonNode> entities(Collection<String> qids, String props) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        List<String> ids = qids.stream().filter(Wikidata::isQid).distinct().sorted().toList();
        for (int i = 0; i < ids.size(); i += 50) {
            JsonNode r = get(Map.of("action", "wbgetentities", "ids", String.join("|", ids.subList(i, Math.min(ids.size(), i + 50))),
                    "props", props, "languages", "en|mul"));
            if (r != null) {
                r.path("entities").fields().forEachRemaining(f -> {
                    if (Wikidata.isQid(f.getKey()) && !f.getValue().has("missing")) {
                        out.put(f.getKey(), f.getValue());
                    }
                });
            }
        }
        return out;
    }

    private static List<String> values(JsonNode entity, String property) {
        List<String> out = new ArrayList<>();
        for (JsonNode st : entity.path("claims").path(property)) {
            String v = st.path("mainsnak").path("datavalue").path("value").path("id").asText("");
            if (Wikidata.isQid(v) && !"deprecated".equals(st.path("rank").asText())) {
                out.add(v);
            }
        }
        return out;
    }

    private static java.time.LocalDate qualifierDate(JsonNode statement, String property) {
        for (JsonNode q : statement.path("qualifiers").path(property)) {
            java.time.LocalDate d = Dates.parse(q.path("datavalue").path("value").path("time").asText(null));
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    private static String label(JsonNode e) {
        return e == null ? "" : text(e, "labels");
    }

    /** The {@code en} value of an entity's labels or descriptions, else the {@code mul} one, else empty. */
    private static String text(JsonNode e, String field) {
        String en = e.path(field).path("en").path("value").asText("");
        return en.isEmpty() ? e.path(field).path("mul").path("value").asText("") : en;
    }

    /** The URL of a request: every parameter percent-encoded, format=json and maxlag=5 always. */
    URI url(Map<String, String> params) {
        StringBuilder q = new StringBuilder();
        new java.util.TreeMap<>(params).forEach((k, v) -> q.append(q.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        q.append("&format=json&maxlag=5");
        return URI.create(api.toString() + (api.toString().contains("?") ? "&" : "?") + q);
    }

    /** One request at a time: the cache, else the network with politeness; null when it failed for good. */
    private synchronized JsonNode get(Map<String, String> params) {
        URI url = url(params);
        Path file = cache.resolve(key(url.toString()) + ".json");
        if (Files.isRegularFile(file)) {
            try {
                return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                // a damaged entry is a miss; it is replaced below
            }
        }
        if (offline) {
            problems.add("offline, not in the cache: " + url);
            return null;
        }
        long backoff = 1000;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                requests++;
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(timeout)
                        .header("User-Agent", userAgent).header("Api-User-Agent", userAgent)
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 429 || r.statusCode() == 503) {
                    sleep(retryAfter(r, backoff));
                    backoff *= 2;
                    continue;
                }
                if (r.statusCode() != 200) {
                    problems.add("HTTP " + r.statusCode() + " from " + url);
                    return null;
                }
                JsonNode json;
                try {
                    json = JSON.readTree(r.body());
                } catch (IOException e) {
                    problems.add("malformed JSON from " + url + ": " + e.getMessage().lines().findFirst().orElse(""));
                    return null;
                }
                if (json == null || !json.isObject()) {
                    problems.add("malformed response (not a JSON object) from " + url);
                    return null;
                }
                if ("maxlag".equals(json.path("error").path("code").asText())) {
                    sleep(retryAfter(r, Math.max(5000, backoff)));
                    backoff *= 2;
                    continue;
                }
                if (json.has("error")) {
                    problems.add("API error " + json.path("error").path("code").asText() + " from " + url);
                    return null;
                }
                store(file, r.body());
                return json;
            } catch (HttpTimeoutException e) {
                sleep(backoff);
                backoff *= 2;
            } catch (IOException e) {
                problems.add("request failed: " + url + ": " + e.getMessage());
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problems.add("interrupted: " + url);
                return null;
            }
        }
        problems.add("gave up after " + ATTEMPTS + " attempts (timeouts or 429/503): " + url);
        return null;
    }

    private long retryAfter(HttpResponse<?> r, long fallback) {
        String h = r.headers().firstValue("Retry-After").orElse(null);
        long ms = fallback;
        if (h != null) {
            try {
                ms = Long.parseLong(h.strip()) * 1000;
            } catch (NumberFormatException e) {
                try {
                    ms = Duration.between(java.time.Instant.now(),
                            java.time.ZonedDateTime.parse(h.strip(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)).toMillis();
                } catch (java.time.DateTimeException e2) {
                    ms = fallback;
                }
            }
        }
        return Math.max(0, Math.min(ms, maxWait.toMillis()));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes a cache entry atomically: a temporary file in the same directory, then a move over the name. */
    private void store(Path file, String body) throws IOException {
        Files.createDirectories(cache);
        Path tmp = Files.createTempFile(cache, "entry-", ".tmp");
        try {
            Files.writeString(tmp, body, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String key(String url) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String method() {
        return "api:" + api;
    }
}
