package org.newskg.serve;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The explorer's routes in front of Fuseki: {@code /} (the explorer page, unless the query string asks for the
 * Fuseki UI: {@code /?fuseki#/}), {@code /explorer/...} (its own files), {@code /webjars/...} (front-end libraries
 * from WebJars on the classpath), {@code /api/...} ({@link ExplorerApi}) and {@code /context.jsonld}. Everything
 * else passes on to Fuseki. Static paths are checked before any lookup: a {@code ..} segment, a backslash, or an
 * encoded dot, slash or backslash is refused with 400, so nothing outside the two resource folders is served.
 */
final class ExplorerFilter implements Filter {

    static final String EXPLORER = "explorer/";
    static final String WEBJARS = "META-INF/resources/webjars/";
    private static final Pattern ENCODED = Pattern.compile("%(2e|2f|5c|00)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._/@-]+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "map", "application/json", "json", "application/json", "jsonld", "application/ld+json",
            "svg", "image/svg+xml", "png", "image/png", "woff", "font/woff", "woff2", "font/woff2");

    private final ExplorerApi api;

    ExplorerFilter(ExplorerApi api) {
        this.api = api;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        String raw = request.getRequestURI();
        String context = request.getContextPath();
        String path = raw.startsWith(context) ? raw.substring(context.length()) : raw;
        boolean read = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        if (path.equals("/") && read && !"fuseki".equals(request.getQueryString())) {
            resource(EXPLORER + "index.html", response);
        } else if ((path.equals("/fuseki") || path.equals("/fuseki/")) && read) {
            response.sendRedirect(context + "/?fuseki#/");
        } else if (path.equals("/context.jsonld") && read) {
            resource("ontology/context.jsonld", response);
        } else if (path.startsWith("/explorer/") && read) {
            checked(EXPLORER, path.substring("/explorer/".length()), raw, response);
        } else if (path.startsWith("/webjars/") && read) {
            checked(WEBJARS, path.substring("/webjars/".length()), raw, response);
        } else if (path.startsWith("/api/") && read) {
            api.handle(path.substring("/api/".length()), request, response);
        } else {
            chain.doFilter(req, resp);
        }
    }

    /** Serves {@code base + rest} when {@code rest} is a plain relative path; 400 for anything that could climb out. */
    private static void checked(String base, String rest, String raw, HttpServletResponse response) throws IOException {
        String decoded = URLDecoder.decode(rest.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (!safePath(raw, decoded)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Bad path");
            return;
        }
        resource(base + decoded, response);
    }

    /** Whether a requested resource path (raw URI and its decoded remainder) stays inside its folder. */
    static boolean safePath(String raw, String decoded) {
        if (ENCODED.matcher(raw).find() || raw.contains("\\") || decoded.isEmpty() || !SAFE.matcher(decoded).matches()) {
            return false;
        }
        for (String segment : decoded.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static void resource(String name, HttpServletResponse response) throws IOException {
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(ext);
        InputStream in = type == null ? null : ExplorerFilter.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "Not found");
            return;
        }
        try (in) {
            response.setContentType(type);
            response.setHeader("Cache-Control", name.startsWith(WEBJARS) ? "max-age=86400" : "no-cache");
            in.transferTo(response.getOutputStream());
        }
    }
}
