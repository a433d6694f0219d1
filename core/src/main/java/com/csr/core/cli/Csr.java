package com.csr.core.cli;

import com.csr.core.transactions.InvalidTransactionFileException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
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
        Path home = Path.of(System.getProperty("csr.home", "."));
        List<String> args = Arrays.asList(argv);
        String command = args.isEmpty() ? "help" : args.get(0);
        List<String> rest = args.subList(Math.min(1, args.size()), args.size());
        try {
            switch (command) {
                case "train" -> TrainCommand.run(rest, home, out, err);
                case "bench" -> BenchCommand.run(rest, home, out);
                case "generate" -> GenerateCommand.run(rest, out, err);
                case "topics" -> KafkaCommands.topics(rest, out);
                case "publish" -> KafkaCommands.publish(rest, out);
                case "await-consumed" -> KafkaCommands.awaitConsumed(rest, out);
                case "bench-live" -> LiveBench.run(rest, home, out);
                case "audit-scores" -> ScoreAudit.run(rest, out);
                case "help", "--help", "-h" -> out.println(TrainCommand.USAGE + "\n\n" + BenchCommand.USAGE + "\n\n"
                        + GenerateCommand.USAGE + "\n\n" + KafkaCommands.USAGE + "\n\n" + LiveBench.USAGE + "\n\n"
                        + ScoreAudit.USAGE);
                default -> throw new Arguments.UsageException("unknown command '" + command
                        + "'; try: train, bench, generate, topics, publish, await-consumed, bench-live, audit-scores");
            }
            return 0;
        } catch (Arguments.UsageException e) {
            err.println("csr " + command + ": " + e.getMessage() + " (see csr " + command + " --help)");
            return 2;
        } catch (InvalidTransactionFileException | IllegalArgumentException | IllegalStateException
                 | UncheckedIOException e) {
            err.println("csr " + command + ": error: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("csr " + command + ": internal error: " + e + " (set CSR_DEBUG=1 for details)");
            if (System.getenv("CSR_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return 3;
        }
    }
}
