package com.csr.core.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code csr bench}: prints the speed figures kept in docs/benchmarks.md. */
final class BenchCommand {

    static final String USAGE = "usage: csr bench [--data-path FILE]";

    private BenchCommand() {
    }

    static void run(List<String> args, Path home, PrintStream out) {
        throw new Arguments.UsageException("bench is not built yet");
    }
}
