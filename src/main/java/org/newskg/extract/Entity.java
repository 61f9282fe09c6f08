package org.newskg.extract;

import java.util.List;

/**
 * A real-world thing a document talks about, as seen from that document.
 *
 * @param key         document-local id, referenced by mentions, roles, statements and events
 * @param type        what it is
 * @param name        its fullest name in the document ("Valery Revenko")
 * @param identityKey the normalised name that identifies it across documents
 *                    ("valery revenko"); null for things that exist only inside one
 *                    document (unnamed groups)
 * @param names       every name the document uses for it, fullest first
 * @param country     for an organisation or person tied to a country by a demonym, that country's name; else null
 */
public record Entity(String key, EntityType type, String name, String identityKey, List<String> names, String country) {

    public Entity {
        names = List.copyOf(names);
    }
}
