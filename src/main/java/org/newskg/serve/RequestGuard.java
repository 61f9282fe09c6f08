package org.newskg.serve;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The first filter of the server: refuses what must never reach Fuseki.
 * <ul>
 * <li>a request body above the limit: 413, whether it declares its length or is sent in chunks;</li>
 * <li>admin paths under {@code /$/} other than the read-only ones the UI needs ({@code server}, {@code ping},
 *     {@code stats}, {@code validate/...}): 403, because the server has no admin operations at all;</li>
 * <li>a write aimed at the dataset URL or a query endpoint (write method, SPARQL update body or {@code update=}
 *     field): 403, since only {@code /update} and {@code /data} can write;</li>
 * <li>on a read-only server, the update endpoint and any write method on the Graph Store endpoint: 403.</li>
 * </ul>
 * On a server with an update password, writes go on to Jetty's and Fuseki's authentication (401 without a login).
 */
final class RequestGuard implements Filter {

    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> OPEN_ADMIN = Set.of("/$/server", "/$/ping", "/$/stats", "/$/stats/newskg");

    private final long maxBodyBytes;
    private final boolean updatable;

    RequestGuard(long maxBodyBytes, boolean updatable) {
        this.maxBodyBytes = maxBodyBytes;
        this.updatable = updatable;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        String raw = request.getRequestURI();
        String path = raw.startsWith(request.getContextPath()) ? raw.substring(request.getContextPath().length()) : raw;
        if (path.startsWith("/$/") && !OPEN_ADMIN.contains(path) && !path.startsWith("/$/validate/")) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "No admin operations on this server");
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > maxBodyBytes) {
            tooLarge(response);
            return;
        }
        HttpServletRequest checked = request;
        if (declared < 0 && !READ_METHODS.contains(request.getMethod())) {
            // chunked: read up to the limit, refuse beyond it, and hand Fuseki the bytes read
            byte[] body = readAtMost(request.getInputStream(), maxBodyBytes);
            if (body == null) {
                tooLarge(response);
                return;
            }
            checked = new BufferedBody(request, body);
        }
        if (misplacedWrite(path, checked)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN,
                    "Writes go to " + Server.DATASET + "/update and " + Server.DATASET + "/data only");
            return;
        }
        if (!updatable && isWrite(path, checked.getMethod())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "This server is read-only");
            return;
        }
        chain.doFilter(checked, resp);
    }

    /**
     * A write aimed anywhere in the dataset but at its two write endpoints: the dataset URL itself or a query
     * endpoint, with a write method, or a POST carrying a SPARQL update (as body or as {@code update=} form field).
     */
    private static boolean misplacedWrite(String path, HttpServletRequest request) {
        boolean dataset = path.equals(Server.DATASET) || path.startsWith(Server.DATASET + "/");
        if (!dataset || path.startsWith(Server.DATASET + "/update") || path.startsWith(Server.DATASET + "/data")) {
            return false;
        }
        String method = request.getMethod();
        if (READ_METHODS.contains(method)) {
            return false;
        }
        if (!method.equals("POST")) {
            return true;
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/sparql-update")) {
            return true;
        }
        // form fields: Jetty parses the body once and Fuseki reads the same parameters afterwards
        return type.startsWith("application/x-www-form-urlencoded") && request.getParameter("update") != null;
    }

    private static boolean isWrite(String path, String method) {
        if (path.startsWith(Server.DATASET + "/update")) {
            return true;
        }
        return path.startsWith(Server.DATASET + "/data") && !READ_METHODS.contains(method);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                "Request body larger than the limit of " + maxBodyBytes + " bytes");
    }

    /** The body, or null if it is longer than {@code max}. */
    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > max) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }
    }
}
