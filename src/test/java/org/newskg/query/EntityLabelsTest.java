package org.newskg.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newskg.document.DocumentReader;
import org.newskg.extract.Extractor;
import org.newskg.rdf.ExtractionRun;
import org.newskg.store.Store;

/**
 * The {@code entities} query on a real TDB2 store: one row per entity across documents, labelled with its
 * preferred name whatever spelling came first, every spelling among the aliases.
 */
class EntityLabelsTest {

    private static final CannedQueries QUERIES = CannedQueries.fromClasspath();

    @TempDir
    Path dir;

    private void build(Store store, String... texts) throws IOException {
        for (int i = 0; i < texts.length; i++) {
            Files.writeString(dir.resolve("article-" + i + ".txt"), texts[i], StandardCharsets.UTF_8);
        }
        new ExtractionRun(new Extractor(), 1).run(new DocumentReader(), List.of(dir.toString()),
                g -> store.replaceDocument(g.name(), g.quads()), problem -> fail("unexpected input problem " + problem));
    }

    private static List<Map<String, String>> rows(Store store, String type) {
        return Rows.of(QUERIES.select("entities", Map.of(), store.dataset())).stream().filter(r -> type.equals(r.get("type"))).toList();
    }

    @Test
    void aPersonIsLabelledWithTheSpellingMostDocumentsUseNotTheFirstOrLongest() throws IOException {
        try (Store store = Store.open(dir.resolve("db"))) {
            build(store, "Valeriy Denko opened the new school on Monday.\n",
                    "Valery Denko met the teachers of the new school on Tuesday.\n",
                    "Valery Denko thanked the parents on Wednesday.\n");
            List<Map<String, String>> persons = rows(store, "Person");
            assertEquals(1, persons.size(), persons.toString());
            assertEquals("Valery Denko", persons.get(0).get("label"));
            assertEquals("Valeriy Denko|Valery Denko", persons.get(0).get("aliases"));
            assertEquals("3", persons.get(0).get("documents"));
        }
    }

    @Test
    void aPlaceIsLabelledWithItsCurrentNameEvenWhenOnlyTheOlderOneIsWritten() throws IOException {
        try (Store store = Store.open(dir.resolve("db"))) {
            build(store, "Floods hit Alma-Ata on Monday.\n", "The floods in Almaty went down on Friday.\n");
            List<Map<String, String>> places = rows(store, "Place");
            assertEquals(1, places.size(), places.toString());
            assertEquals("Almaty", places.get(0).get("label"));
            assertEquals("Alma-Ata|Almaty", places.get(0).get("aliases"));
            assertEquals("2", places.get(0).get("documents"));
        }
    }
}
