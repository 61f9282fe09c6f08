package org.newskg.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;

/**
 * One canned SPARQL query from {@code queries/NAME.rq}, parsed once, with the description and
 * parameters declared in its header:
 *
 * <pre>
 * # What the query answers (first comment line).
 * # &#64;param speaker a name or the entity's IRI
 * # &#64;param place (optional) only statements made there
 * </pre>
 *
 * A parameter {@code NAME} is the query variable {@code ?NAMEParam}. Values are bound as RDF terms
 * (never pasted into the text): an absolute {@code http(s):} or {@code urn:} IRI becomes an IRI,
 * anything else a plain string literal. An optional parameter that is not given stays unbound.
 *
 * <pre>{@code
 * CannedQuery q = CannedQueries.fromClasspath().get("statements-by");
 * Binding b = q.bind(Map.of("speaker", "Vargas"));
 * }</pre>
 */
public record CannedQuery(String name, String description, List<Parameter> parameters, Query query) {

    /** A declared parameter: its name (the query variable is {@code ?nameParam}), what it means, whether it may be left out. */
    public record Parameter(String name, String description, boolean optional) {

        /** The query variable the parameter binds. */
        public Var variable() {
            return Var.alloc(name + "Param");
        }
    }

    private static final Pattern PARAM = Pattern.compile("^#\\s*@param\\s+(\\S+)\\s*(.*)$");
    private static final Pattern OPTIONAL = Pattern.compile("^\\(optional\\)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern IRI_LIKE = Pattern.compile("^(?:https?://|urn:)[^\\s<>\"{}|\\\\^`]+$");

    public CannedQuery {
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
    }

    /**
     * Parses a query file's text: the header (leading comment lines) and the SPARQL.
     *
     * @throws IllegalArgumentException if the SPARQL does not parse or a declared parameter's variable does not occur
     */
    public static CannedQuery parse(String name, String text) {
        String description = null;
        List<Parameter> parameters = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith("#")) {
                break;
            }
            Matcher m = PARAM.matcher(line);
            if (m.matches()) {
                String about = m.group(2).strip();
                Matcher opt = OPTIONAL.matcher(about);
                boolean optional = opt.find();
                parameters.add(new Parameter(m.group(1), optional ? about.substring(opt.end()) : about, optional));
            } else if (description == null) {
                description = line.substring(1).strip();
            }
        }
        Query query;
        try {
            query = QueryFactory.create(text);
        } catch (QueryParseException e) {
            throw new IllegalArgumentException("Canned query " + name + " does not parse: " + e.getMessage(), e);
        }
        for (Parameter p : parameters) {
            if (!text.contains("?" + p.variable().getVarName())) {
                throw new IllegalArgumentException("Canned query " + name + " declares @param " + p.name()
                        + " but never uses ?" + p.variable().getVarName());
            }
        }
        return new CannedQuery(name, description == null ? "" : description, parameters, query);
    }

    /**
     * Checks the values against the declared parameters and turns them into a binding of RDF terms.
     *
     * @throws IllegalArgumentException naming an unknown parameter, or a required one that is missing or blank
     */
    public Binding bind(Map<String, String> values) {
        Map<String, Parameter> declared = new LinkedHashMap<>();
        parameters.forEach(p -> declared.put(p.name(), p));
        for (String key : values.keySet()) {
            if (!declared.containsKey(key)) {
                throw new IllegalArgumentException("Unknown parameter '" + key + "' for query " + name
                        + (declared.isEmpty() ? " (it takes none)" : "; it takes: " + String.join(", ", declared.keySet())));
            }
        }
        BindingBuilder binding = BindingBuilder.create();
        for (Parameter p : parameters) {
            String value = values.get(p.name());
            if (value == null || value.isBlank()) {
                if (!p.optional()) {
                    throw new IllegalArgumentException("Missing parameter '" + p.name() + "' for query " + name
                            + ": " + p.description());
                }
                continue;
            }
            binding.add(p.variable(), term(value.strip()));
        }
        return binding.build();
    }

    /** The RDF term a parameter value stands for: an IRI if it is an absolute http(s) or urn IRI, else a string literal. */
    public static Node term(String value) {
        if (IRI_LIKE.matcher(value).matches()) {
            try {
                IRIx iri = IRIx.create(value);
                if (iri.isReference()) { // isAbsolute() is false for an IRI with a #fragment, as a statement IRI has
                    return NodeFactory.createURI(iri.str());
                }
            } catch (IRIException e) {
                // not a well-formed IRI: the user meant text
            }
        }
        return NodeFactory.createLiteralString(value);
    }
}
