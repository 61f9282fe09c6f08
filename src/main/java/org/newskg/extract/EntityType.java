package org.newskg.extract;

/** The kinds of thing NewsKG recognises; {@link #label()} is the contract's spelling. */
public enum EntityType {
    PERSON("Person"),
    ORGANIZATION("Organization"),
    PLACE("Place"),
    /** An unnamed collective that acts or speaks: "officials", "experts", "a source". */
    GROUP("Group"),
    EVENT("Event"),
    OTHER("Other");

    private final String label;

    EntityType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
