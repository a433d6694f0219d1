package com.csr.gateway.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch prediction's CSV: listed ids a spreadsheet would run as formulas are written as text. */
class PredictionCsvTest {

    @Test
    void listedIdsThatLookLikeFormulasAreWrittenAsText() {
        String csv = PredictionCsv.write(List.of(new BatchPredictions.Row("=1+1", null),
                new BatchPredictions.Row("@SUM(1+1)", null), new BatchPredictions.Row("13085", null)));

        assertThat(csv.lines().skip(1)).containsExactly("'=1+1,,,,,,,,,,,,no such customer",
                "'@SUM(1+1),,,,,,,,,,,,no such customer", "13085,,,,,,,,,,,,no such customer");
    }
}
