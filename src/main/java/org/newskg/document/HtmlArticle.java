package org.newskg.document;

import java.time.LocalDate;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeVisitor;

/**
 * The article text of an HTML page: the {@code <article>} (or {@code <main>}, or the body)
 * without scripts, navigation, headers, footers, asides and forms. Each block element
 * becomes a paragraph separated by a blank line; {@code <br>} becomes a line break.
 */
final class HtmlArticle {

    private static final String DROPPED = "script, style, noscript, template, nav, header, footer, aside, form";

    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
            "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "figure", "figcaption",
            "table", "tr", "caption", "hr", "address", "details", "summary");

    final String text;
    final DocumentMetadata metadata;

    private HtmlArticle(String text, DocumentMetadata metadata) {
        this.text = text;
        this.metadata = metadata;
    }

    static HtmlArticle parse(String html) {
        Document page = Jsoup.parse(html);
        DocumentMetadata metadata = metadata(page);
        page.select(DROPPED).remove();
        Element root = longest(page.select("article"));
        if (root == null) {
            root = longest(page.select("main"));
        }
        if (root == null) {
            root = page.body();
        }
        return new HtmlArticle(text(root), metadata);
    }

    /** Pages often hold several {@code <article>}s (teasers); the story is the longest. */
    private static Element longest(Elements candidates) {
        Element best = null;
        for (Element e : candidates) {
            if (best == null || e.text().length() > best.text().length()) {
                best = e;
            }
        }
        return best;
    }

    private static DocumentMetadata metadata(Document page) {
        Element h1 = page.selectFirst("article h1, main h1");
        if (h1 == null) {
            h1 = page.selectFirst("h1");
        }
        String title = h1 != null && !h1.text().isBlank() ? h1.text().strip() : blankToNull(page.title());
        String url = meta(page, "link[rel=canonical]", "href");
        if (url == null) {
            url = meta(page, "meta[property=og:url]", "content");
        }
        String author = meta(page, "meta[name=author]", "content");
        String publisher = meta(page, "meta[property=og:site_name]", "content");
        LocalDate date = null;
        String published = meta(page, "meta[property=article:published_time]", "content");
        if (published == null) {
            Element time = page.selectFirst("time[datetime]");
            published = time == null ? null : blankToNull(time.attr("datetime"));
        }
        if (published != null) {
            date = IsoDates.parse(published);
        }
        return new DocumentMetadata(title, url, date, author, publisher);
    }

    private static String meta(Document page, String selector, String attribute) {
        Element e = page.selectFirst(selector);
        return e == null ? null : blankToNull(e.attr(attribute));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String text(Element root) {
        StringBuilder out = new StringBuilder();
        root.traverse(new NodeVisitor() {
            private int pendingBreaks;
            private int preDepth;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    append(preDepth > 0 ? t.getWholeText() : collapse(t.getWholeText()));
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("br")) {
                        pendingBreaks = Math.max(pendingBreaks, 1);
                    } else if (BLOCKS.contains(tag)) {
                        pendingBreaks = 2;
                    }
                    if (tag.equals("pre")) {
                        preDepth++;
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    if (BLOCKS.contains(e.normalName())) {
                        pendingBreaks = 2;
                    }
                    if (e.normalName().equals("pre")) {
                        preDepth--;
                    }
                }
            }

            private void append(String s) {
                if (preDepth == 0 && s.strip().isEmpty()) {
                    if (!s.isEmpty() && out.length() > 0 && pendingBreaks == 0 && out.charAt(out.length() - 1) != ' ') {
                        out.append(' ');
                    }
                    return;
                }
                if (pendingBreaks > 0 && out.length() > 0) {
                    while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
                        out.setLength(out.length() - 1);
                    }
                    out.append("\n".repeat(pendingBreaks));
                    if (preDepth == 0) {
                        s = s.stripLeading();
                    }
                } else if (out.length() == 0 && preDepth == 0) {
                    s = s.stripLeading();
                } else if (preDepth == 0 && out.charAt(out.length() - 1) == ' ' && s.startsWith(" ")) {
                    s = s.substring(1);
                }
                pendingBreaks = 0;
                out.append(s);
            }
        });
        return out.toString().strip();
    }

    /** Non-breaking spaces ({@code &nbsp;}) collapse too: for the text they are just spaces. */
    private static String collapse(String s) {
        return s.replaceAll("[\\s\u00A0]+", " ");
    }
}
