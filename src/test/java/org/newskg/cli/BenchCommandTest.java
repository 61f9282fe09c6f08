package org.newskg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code newskg bench} parses its options; the run itself is tested in {@code BenchmarkTest}. */
class BenchCommandTest {

    @Test
    void zeroCopiesIsAUsageError() {
        Cli.Run run = Cli.newskg("bench", "examples/news", "--copies", "0");
        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("copies must be at least 1, got 0"), run.toString());
    }

    @Test
    void helpNamesTheOptions() {
        Cli.Run run = Cli.newskg("bench", "--help");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("--copies") && run.out().contains("--query-runs"), run.toString());
    }
}
