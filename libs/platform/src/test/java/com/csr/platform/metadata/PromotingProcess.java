package com.csr.platform.metadata;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Another process promoting in a shared embedded store, for {@link EmbeddedMetadataStoreTest}: in round {@code r},
 * at {@code startAt + r * 50 ms}, it promotes its version of kind {@code kind-r} over none, and prints
 * {@code kind-r true|false}. Each round has its own kind, so every round starts from the same state whoever won the
 * one before.
 */
final class PromotingProcess {

    private static final long ROUND_MILLIS = 50;

    private PromotingProcess() {
    }

    /** Arguments: the store's directory, the version to promote, the number of rounds, the start (epoch ms). */
    public static void main(String[] args) throws InterruptedException {
        Path directory = Path.of(args[0]);
        String version = args[1];
        int rounds = Integer.parseInt(args[2]);
        long startAt = Long.parseLong(args[3]);
        try (MetadataStore store = new EmbeddedMetadataStore(directory)) {
            for (int round = 0; round < rounds; round++) {
                Thread.sleep(Math.max(0, startAt + round * ROUND_MILLIS - System.currentTimeMillis()));
                boolean won = store.promote("acme", kind(round), version, null);
                System.out.println(kind(round) + " " + won);
            }
        }
    }

    static String kind(int round) {
        return "kind-" + round;
    }

    static Process start(Path directory, String version, int rounds, long startAt, Path output) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                PromotingProcess.class.getName(), directory.toString(), version, String.valueOf(rounds),
                String.valueOf(startAt))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }

    /** Whether the process won, by kind, from what it printed. */
    static Map<String, Boolean> results(List<String> lines) {
        Map<String, Boolean> won = new LinkedHashMap<>();
        for (String line : lines) {
            String[] words = line.split(" ");
            if (words.length == 2 && words[0].startsWith("kind-")) {
                won.put(words[0], Boolean.parseBoolean(words[1]));
            }
        }
        return won;
    }
}
