package com.csr.cli;

import com.csr.domain.transactions.FileLimitException;
import com.csr.domain.transactions.FileLimits;
import com.csr.domain.transactions.InvalidTransactionFileException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Entry point of {@code ./csr train} and {@code ./csr bench}. Any failure the user can fix ends in one line naming
 * the problem and a non-zero exit status; no stack traces. A file over one of its limits names the limit and the
 * environment variable that raises it ({@code CSR_INGEST_LIMITS_*}, read by {@code train} and {@code publish});
 * running out of memory names the heap and how to raise it.
 * Entry point of {@code ./csr train}, {@code ./csr bench}, {@code ./csr generate} and the Kafka and audit commands.
 * Any failure the user can fix ends in one line naming the problem and a non-zero exit status; no stack traces.
 */
public final class Csr {

    private Csr() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv, System.out, System.err));
    }

    /** Runs a command; returns the exit status: 0 done, 1 bad input or data, 2 bad command line, 3 a bug. */
    public static int run(String[] argv, PrintStream out, PrintStream err) {
        return run(argv, out, err, System.getenv());
    }

    /** Runs a command with {@code environment} in place of the process's, where the file limits are read from. */
    static int run(String[] argv, PrintStream out, PrintStream err, Map<String, String> environment) {
        Path home = Path.of(System.getProperty("csr.home", "."));
        List<String> args = Arrays.asList(argv);
        String command = args.isEmpty() ? "help" : args.get(0);
        List<String> rest = args.subList(Math.min(1, args.size()), args.size());
        try {
            switch (command) {
                case "train" -> TrainCommand.run(rest, home, out, err, FileLimits.fromEnvironment(environment));
                case "evaluate" -> EvaluateCommand.run(rest, home, out, err, FileLimits.fromEnvironment(environment));
                case "bench" -> BenchCommand.run(rest, home, out);
                case "generate" -> GenerateCommand.run(rest, out, err);
                case "topics" -> KafkaCommands.topics(rest, out);
                case "publish" -> KafkaCommands.publish(rest, out, FileLimits.fromEnvironment(environment));
                case "await-consumed" -> KafkaCommands.awaitConsumed(rest, out);
                case "bench-live" -> LiveBench.run(rest, home, out);
                case "audit-scores" -> ScoreAudit.run(rest, out);
                case "help", "--help", "-h" -> out.println(TrainCommand.USAGE + "\n\n" + EvaluateCommand.USAGE + "\n\n" + BenchCommand.USAGE + "\n\n"
                        + GenerateCommand.USAGE + "\n\n" + KafkaCommands.USAGE + "\n\n" + LiveBench.USAGE + "\n\n"
                        + ScoreAudit.USAGE);
                default -> throw new Arguments.UsageException("unknown command '" + command
                        + "'; try: train, evaluate, bench, generate, topics, publish, await-consumed, bench-live, audit-scores");
            }
            return 0;
        } catch (Arguments.UsageException e) {
            err.println("csr " + command + ": " + e.getMessage() + " (see csr " + command + " --help)");
            return 2;
        } catch (FileLimitException e) {
            err.println("csr " + command + ": error: " + e.getMessage() + "; set " + e.limit().environmentVariable()
                    + " to raise it");
            return 1;
        } catch (InvalidTransactionFileException | IllegalArgumentException | IllegalStateException
                 | UncheckedIOException e) {
            err.println("csr " + command + ": error: " + e.getMessage());
            return 1;
        } catch (OutOfMemoryError e) {
            err.println(outOfMemory(command, rest, Runtime.getRuntime().maxMemory()));
            return 1;
        } catch (RuntimeException e) {
            err.println("csr " + command + ": internal error: " + e + " (set CSR_DEBUG=1 for details)");
            if (System.getenv("CSR_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return 3;
        }
    }

    /** The one line for a run out of heap, reading or training: its file, the heap, and a heap twice as large. */
    static String outOfMemory(String command, List<String> args, long maxHeapBytes) {
        String data = null;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).startsWith("--data-path=")) {
                data = args.get(i).substring("--data-path=".length());
            } else if (args.get(i).equals("--data-path") && i + 1 < args.size()) {
                data = args.get(i + 1);
            }
        }
        long gib = 1L << 30;
        return String.format(Locale.ROOT, "csr %s: error: out of memory on %s (the heap is %,d MiB); raise the "
                        + "heap with CSR_JAVA_OPTS=-Xmx%dg", command, data == null ? "the data" : data,
                maxHeapBytes >> 20, Math.max(1, (2 * maxHeapBytes + gib - 1) / gib));
    }
}
