package org.newskg.link;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on loopback that answers {@code wbsearchentities} and {@code wbgetentities} in the JSON shape
 * of Wikidata's API (labels, descriptions, aliases, claims with statements and sitelinks as the API documents them),
 * from items a test declares. {@code wbgetentities} honours {@code ids=Q1|Q2} and {@code props}, and answers an
 * unknown id with {@code "missing"}, as Wikidata does. Every request is recorded with its decoded parameters.
 */
final class LoopbackWikidataApi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An item as the test declares it, with its P31 classes and P279 superclasses. */
    record Item(String qid, String label, String description, List<String> instanceOf, List<String> subclassOf) {
    }

    private final Map<String, Item> items = new LinkedHashMap<>();
    private final Map<String, List<String>> searches = new LinkedHashMap<>();
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    LoopbackWikidataApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/w/api.php", this::answer);
        server.start();
    }

    /** Declares an item. */
    LoopbackWikidataApi item(String qid, String label, String description, List<String> instanceOf, List<String> subclassOf) {
        items.put(qid, new Item(qid, label, description, instanceOf, subclassOf));
        return this;
    }

    /** Declares a class: an item with a label and P279 superclasses only. */
    LoopbackWikidataApi cls(String qid, String label, String... subclassOf) {
        return item(qid, label, "", List.of(), List.of(subclassOf));
    }

    /** What {@code wbsearchentities} finds for an exact name in {@code en}. */
    LoopbackWikidataApi search(String name, String... qids) {
        searches.put(name, List.of(qids));
        return this;
    }

    URI api() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/w/api.php");
    }

    /** Every request so far, as decoded parameters. */
    List<Map<String, String>> requests() {
        return List.copyOf(requests);
    }

    /** The {@code ids} parameter of every {@code wbgetentities} request with exactly these {@code props}, in order. */
    List<String> ids(String props) {
        return requests.stream().filter(r -> "wbgetentities".equals(r.get("action")) && props.equals(r.get("props")))
                .map(r -> r.get("ids")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange ex) throws IOException {
        Map<String, String> params = parameters(ex.getRequestURI().getRawQuery());
        requests.add(params);
        String body = switch (params.getOrDefault("action", "")) {
            case "wbsearchentities" -> JSON.writeValueAsString(searchResponse(params));
            case "wbgetentities" -> JSON.writeValueAsString(entitiesResponse(params));
            default -> "{\"error\":{\"code\":\"badvalue\",\"info\":\"Unrecognized value for parameter \\\"action\\\"\"}}";
        };
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(200, b.length);
        try (var out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    private ObjectNode searchResponse(Map<String, String> params) {
        String name = params.getOrDefault("search", "");
        ObjectNode r = JSON.createObjectNode();
        r.putObject("searchinfo").put("search", name);
        ArrayNode hits = r.putArray("search");
        List<String> found = "en".equals(params.get("language")) ? searches.getOrDefault(name, List.of()) : List.of();
        for (String qid : found) {
            Item it = items.get(qid);
            ObjectNode h = hits.addObject();
            h.put("id", qid).put("title", qid).put("pageid", Integer.parseInt(qid.substring(1)))
                    .put("concepturi", Wikidata.ENTITY + qid).put("repository", "wikidata")
                    .put("url", "//www.wikidata.org/wiki/" + qid);
            ObjectNode display = h.putObject("display");
            display.putObject("label").put("value", it.label()).put("language", "en");
            h.put("label", it.label());
            if (!it.description().isEmpty()) {
                display.putObject("description").put("value", it.description()).put("language", "en");
                h.put("description", it.description());
            }
            h.putObject("match").put("type", "label").put("language", "en").put("text", it.label());
        }
        r.put("success", 1);
        return r;
    }

    private ObjectNode entitiesResponse(Map<String, String> params) {
        List<String> props = Arrays.asList(params.getOrDefault("props", "info|sitelinks|aliases|labels|descriptions|claims|datatype")
                .split("\\|"));
        ObjectNode r = JSON.createObjectNode();
        ObjectNode entities = r.putObject("entities");
        for (String qid : params.getOrDefault("ids", "").split("\\|")) {
            Item it = items.get(qid);
            if (it == null) {
                entities.putObject(qid).put("id", qid).put("missing", "");
            } else {
                entities.set(qid, entity(it, props));
            }
        }
        r.put("success", 1);
        return r;
    }

    private static ObjectNode entity(Item it, List<String> props) {
        ObjectNode e = JSON.createObjectNode();
        e.put("type", "item").put("id", it.qid());
        if (props.contains("labels")) {
            languageValue(e.putObject("labels"), it.label());
        }
        if (props.contains("descriptions")) {
            ObjectNode d = e.putObject("descriptions");
            if (!it.description().isEmpty()) {
                languageValue(d, it.description());
            }
        }
        if (props.contains("aliases")) {
            e.putObject("aliases");
        }
        if (props.contains("claims")) {
            ObjectNode claims = e.putObject("claims");
            statements(claims, it.qid(), Wikidata.INSTANCE_OF, it.instanceOf());
            statements(claims, it.qid(), Wikidata.SUBCLASS_OF, it.subclassOf());
        }
        if (props.contains("sitelinks")) {
            e.putObject("sitelinks");
        }
        return e;
    }

    private static void languageValue(ObjectNode field, String value) {
        field.putObject("en").put("language", "en").put("value", value);
    }

    /** Item-valued statements of one property, each with a mainsnak, a statement id and rank normal. */
    private static void statements(ObjectNode claims, String subject, String property, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        ArrayNode list = claims.putArray(property);
        for (String v : values) {
            ObjectNode st = list.addObject();
            ObjectNode snak = st.putObject("mainsnak");
            snak.put("snaktype", "value").put("property", property);
            ObjectNode dv = snak.putObject("datavalue");
            dv.putObject("value").put("entity-type", "item").put("numeric-id", Long.parseLong(v.substring(1))).put("id", v);
            dv.put("type", "wikibase-entityid");
            snak.put("datatype", "wikibase-item");
            st.put("type", "statement").put("id", subject + "$" + property + "-" + list.size()).put("rank", "normal");
        }
    }
}
