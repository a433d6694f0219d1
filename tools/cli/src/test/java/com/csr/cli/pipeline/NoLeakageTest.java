package com.csr.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.csr.domain.TestFiles;
import com.csr.domain.cleaning.RejectReason;
import com.csr.domain.plan.PlannedCustomer;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changing, adding or removing data after the as-of date changes nothing the pipeline outputs. */
class NoLeakageTest {

    private static final LocalDate AS_OF = LocalDate.of(2010, 10, 31);
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @TempDir
    Path directory;

    @Test
    void dataAfterTheAsOfDateCannotInfluenceAnyOutput() throws IOException {
        Path original = TestFiles.onlineRetailSample();
        Path tampered = tamperAfterAsOf(original, directory.resolve("tampered.csv.gz"));

        PipelineResult a = new TrainingPipeline(Progress.SILENT)
                .run(PipelineConfig.defaults("leak", original).withAsOf(AS_OF));
        PipelineResult b = new TrainingPipeline(Progress.SILENT)
                .run(PipelineConfig.defaults("leak", tampered).withAsOf(AS_OF));

        assertThat(b.quality().rowsRead()).isNotEqualTo(a.quality().rowsRead());
        assertThat(b.quality().rejected().get(RejectReason.AFTER_AS_OF))
                .isNotEqualTo(a.quality().rejected().get(RejectReason.AFTER_AS_OF));
        assertThat(b.quality().rowsKept()).isEqualTo(a.quality().rowsKept());
        assertThat(scores(b)).isEqualTo(scores(a));
        assertThat(b.churn().candidates()).usingRecursiveComparison().isEqualTo(a.churn().candidates());
        assertThat(b.ltv().xgboost()).usingRecursiveComparison().isEqualTo(a.ltv().xgboost());
        assertThat(b.segments().silhouetteByK()).isEqualTo(a.segments().silhouetteByK());
        assertThat(b.plan().expectedRevenueSaved()).isEqualTo(a.plan().expectedRevenueSaved());
    }

    private static Map<String, String> scores(PipelineResult result) {
        return result.plan().customers().stream().collect(Collectors.toMap(p -> p.score().customerId(),
                NoLeakageTest::describe));
    }

    private static String describe(PlannedCustomer p) {
        return p.score().persona() + " " + p.score().churnProbability() + " " + p.score().predictedLtv() + " "
                + p.selected();
    }

    /** Rows after the as-of date: every third dropped, quantities tripled, and new customers' purchases added. */
    private static Path tamperAfterAsOf(Path source, Path target) throws IOException {
        LocalDateTime cutoff = AS_OF.plusDays(1).atStartOfDay();
        try (Reader in = new java.io.InputStreamReader(new GZIPInputStream(Files.newInputStream(source)),
                StandardCharsets.UTF_8);
             Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(target)),
                     StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            int after = 0;
            boolean header = true;
            for (CSVRecord row : CSVFormat.DEFAULT.parse(in)) {
                String[] cells = row.values();
                if (header) {
                    header = false;
                    csv.printRecord((Object[]) cells);
                    continue;
                }
                if (!LocalDateTime.parse(cells[4], FORMAT).isBefore(cutoff)) {
                    if (after++ % 3 == 0) {
                        continue;
                    }
                    cells[3] = String.valueOf(Integer.parseInt(cells[3]) * 3);
                }
                csv.printRecord((Object[]) cells);
            }
            for (int i = 0; i < 500; i++) {
                csv.printRecord("999" + i, "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 5,
                        cutoff.plusDays(1 + i % 30).format(FORMAT), "2.55", String.valueOf(90_000 + i % 50),
                        "United Kingdom");
            }
        }
        return target;
    }
}
