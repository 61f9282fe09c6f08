package org.newskg.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetRewindable;

/** Query rows as plain strings (IRI, lexical form, or "" when unbound), the way the CSV shows them. */
public final class Rows {

    private Rows() {
    }

    public static List<Map<String, String>> of(RowSetRewindable rows) {
        List<Var> vars = rows.getResultVars();
        List<Map<String, String>> out = new ArrayList<>();
        rows.reset();
        while (rows.hasNext()) {
            Binding b = rows.next();
            Map<String, String> row = new LinkedHashMap<>();
            for (Var v : vars) {
                Node n = b.get(v);
                row.put(v.getVarName(), n == null ? "" : n.isURI() ? n.getURI() : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString());
            }
            out.add(row);
        }
        rows.reset();
        return out;
    }

    public static List<String> column(List<Map<String, String>> rows, String name) {
        return rows.stream().map(r -> r.get(name)).toList();
    }
}
