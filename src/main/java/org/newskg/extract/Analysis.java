package org.newskg.extract;

import java.util.List;
import java.util.Optional;

import org.newskg.document.SourceDocument;
import org.newskg.text.AnnotatedText;

/**
 * Everything NewsKG extracted from one document, as plain records with spans. The RDF
 * mapper turns this into quads; nothing here knows about RDF.
 */
public record Analysis(SourceDocument document, AnnotatedText text, List<Entity> entities, List<Mention> mentions,
                       List<RoleClaim> roles, List<Statement> statements, List<Event> events) {

    public Analysis {
        entities = List.copyOf(entities);
        mentions = List.copyOf(mentions);
        roles = List.copyOf(roles);
        statements = List.copyOf(statements);
        events = List.copyOf(events);
    }

    public Optional<Entity> entity(String key) {
        return entities.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    public Optional<Event> event(String key) {
        return events.stream().filter(e -> e.key().equals(key)).findFirst();
    }
}
