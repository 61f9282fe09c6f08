package org.newskg.extract;

import java.util.List;
import java.util.Optional;

import org.newskg.text.Span;

/**
 * What entity recognition found in one document: the entities, every mention of them
 * (names, and pronouns or descriptions resolved to them), and the role claims the text makes.
 * Statement and event extraction read it to resolve speakers, participants, media and places.
 */
public record Entities(List<Entity> entities, List<Mention> mentions, List<RoleClaim> roles) {

    public Entities {
        entities = List.copyOf(entities);
        mentions = List.copyOf(mentions);
        roles = List.copyOf(roles);
    }

    public static final Entities NONE = new Entities(List.of(), List.of(), List.of());

    public Optional<Entity> entity(String key) {
        return entities.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    /** Mentions lying inside {@code span}, in text order. */
    public List<Mention> mentionsWithin(Span span) {
        return mentions.stream().filter(m -> span.contains(m.span())).sorted((a, b) -> a.span().compareTo(b.span())).toList();
    }
}
