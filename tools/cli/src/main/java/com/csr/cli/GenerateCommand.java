package com.csr.cli;

import com.csr.generator.ExportAccounting;
import com.csr.generator.ExportFormat;
import com.csr.generator.ExportGenerator;
import com.csr.generator.ExportSpec;
import com.csr.generator.ExportTooLargeException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code csr generate}: a realistic, messy Online Retail II export of any size, and on stdout, as JSON, exactly what
 * it holds, so a test can hold the platform's accounting to it.
 */
final class GenerateCommand {

    static final String USAGE = """
            usage: csr generate --customers N --years Y --seed S --out FILE [--as-of YYYY-MM-DD]
              --customers  how many customers shop over the period (60000 over 2 years: about 9.6 million rows)
              --years      length of the period in whole years, ending on the as-of date
              --seed       everything random follows from it: the same arguments give the same file
              --out        FILE.csv (semicolon-separated), FILE.csv.gz or FILE.xlsx (at most 1,048,575 rows)
              --as-of      the export's last day (default: 2011-12-09, the last day of Online Retail II)
            prints the file's accounting as JSON: rows, rows_kept, cancellations_kept, rejected by reason""";

    private static final Set<String> OPTIONS = Set.of("customers", "years", "seed", "out", "as-of", "help");
    private static final ObjectMapper JSON = new ObjectMapper();

    private GenerateCommand() {
    }

    static void run(List<String> args, PrintStream out, PrintStream err) {
        Arguments a = new Arguments(args, OPTIONS);
        if (a.get("help", null) != null) {
            out.println(USAGE);
            return;
        }
        Path file = Path.of(required(a, "out"));
        int customers = wholeNumber(a, "customers");
        int years = wholeNumber(a, "years");
        long seed = seed(required(a, "seed"));
        LocalDate asOf = asOf(a.get("as-of", null));
        ExportFormat format;
        ExportSpec spec;
        try {
            format = ExportFormat.of(file);
            spec = new ExportSpec(customers, years, seed, asOf);
        } catch (IllegalArgumentException e) {
            throw new Arguments.UsageException(e.getMessage());
        }
        if (Files.isDirectory(file)) {
            throw new Arguments.UsageException("--out names a directory: " + file);
        }

        long start = System.nanoTime();
        ExportAccounting accounting;
        try {
            accounting = ExportGenerator.generate(spec, file);
        } catch (ExportTooLargeException e) {
            throw new Arguments.UsageException(e.getMessage());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.println(json(file, format, spec, accounting));
        err.println(summary(file, accounting, seconds));
    }

    private static String json(Path file, ExportFormat format, ExportSpec spec, ExportAccounting a) {
        Map<String, Object> rejected = new LinkedHashMap<>();
        a.rejected().forEach((reason, n) -> rejected.put(reason.code(), n));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", file.toString());
        json.put("format", format.code());
        json.put("seed", spec.seed());
        json.put("as_of", spec.asOf().toString());
        json.put("rows", a.rows());
        json.put("customers", a.customers());
        json.put("rows_kept", a.rowsKept());
        json.put("cancellations_kept", a.cancellationsKept());
        json.put("rejected", rejected);
        json.put("revenue_kept", BigDecimal.valueOf(a.keptRevenuePence(), 2));
        json.put("first_date", a.firstTime() == null ? null : a.firstTime().toLocalDate().toString());
        json.put("last_date", a.lastTime() == null ? null : a.lastTime().toLocalDate().toString());
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the accounting as JSON", e);
        }
    }

    private static String summary(Path file, ExportAccounting a, double seconds) {
        long size = file.toFile().length();
        return String.format(Locale.ROOT,
                "%,d rows (%,d customers, %s to %s): %,d kept, %,d of them cancellations, %,d to be rejected; "
                + "%s, %.1f MB, in %.1f s (%,.0f rows/s)", a.rows(), a.customers(),
                a.firstTime() == null ? "-" : a.firstTime().toLocalDate(),
                a.lastTime() == null ? "-" : a.lastTime().toLocalDate(), a.rowsKept(), a.cancellationsKept(),
                a.rejectedTotal(), file, size / 1e6, seconds, a.rows() / Math.max(seconds, 1e-9));
    }

    private static String required(Arguments a, String name) {
        String value = a.get(name, null);
        if (value == null || value.equals("true")) {
            throw new Arguments.UsageException("--" + name + " is required");
        }
        return value;
    }

    private static int wholeNumber(Arguments a, String name) {
        required(a, name);
        return a.intValue(name, 0);
    }

    private static long seed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new Arguments.UsageException("--seed expects a whole number, got '" + text + "'");
        }
    }

    private static LocalDate asOf(String text) {
        try {
            return text == null ? ExportSpec.DEFAULT_AS_OF : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Arguments.UsageException("--as-of expects a date as YYYY-MM-DD, got '" + text + "'");
        }
    }
}
