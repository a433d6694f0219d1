package com.csr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.cli.TrainCommandTest.Run;
import com.csr.domain.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code csr evaluate} on the real sample: the figures per cutoff, in the table and the JSON, and its errors. */
class EvaluateCommandTest {

    @TempDir
    Path out;

    @Test
    void judgesEachCutoffOnTheDaysAfterItBesideTheRules() throws IOException {
        Path json = out.resolve("evaluation.json");
        Run run = TrainCommandTest.csr("evaluate", "--data-path", TestFiles.onlineRetailSample().toString(),
                "--as-of", "2010-09-09", "--cutoffs", "2", "--every-days", "28", "--resamples", "20", "--out",
                json.toString());

        assertThat(run.status()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("cutoff 2010-08-12:", "cutoff 2010-09-09:", "platform - bg_nbd_gamma_gamma",
                "recency_only", "last_90_day_spend", "churn calibration");
        JsonNode cutoffs = new ObjectMapper().readTree(json.toFile()).get("cutoffs");
        assertThat(cutoffs).hasSize(2);
        JsonNode newest = cutoffs.get(1);
        assertThat(newest.get("cutoff").asText()).isEqualTo("2010-09-09");
        assertThat(newest.get("customers").asInt()).isGreaterThan(3_000);
        JsonNode platform = newest.get("systems").get("platform");
        assertThat(platform.get("roc_auc").asDouble())
                .isGreaterThan(newest.get("systems").get("recency_only").get("roc_auc").asDouble());
        assertThat(platform.get("total_ratio").asDouble()).isPositive();
        assertThat(newest.get("platform_minus")).hasSize(6);
        assertThat(newest.get("platform_minus").get(0).get("standard_error").asDouble()).isPositive();
    }

    @Test
    void aCutoffWhoseHorizonIsNotOverGetsOneLine() {
        Run run = TrainCommandTest.csr("evaluate", "--data-path", TestFiles.onlineRetailSample().toString(),
                "--as-of", "2010-11-01", "--out", out.resolve("e.json").toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stderr().lines().filter(l -> l.startsWith("csr evaluate"))).containsExactly(
                "csr evaluate: error: cannot judge a cutoff of 2010-11-01: the file ends on 2010-12-09, before the 90"
                        + " days after it are over; use --as-of 2010-09-10 or earlier");
    }
}
