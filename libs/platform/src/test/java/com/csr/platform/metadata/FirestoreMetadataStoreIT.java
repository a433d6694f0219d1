package com.csr.platform.metadata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.csr.platform.testing.FirestoreEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The contract against Google's Firestore emulator, emptied before each test. */
class FirestoreMetadataStoreIT extends MetadataStoreContract {

    private static final String PROJECT = "csr-test";
    private static FirestoreEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        assumeTrue(FirestoreEmulator.installed(), "the Firestore emulator is not installed here ("
                + FirestoreEmulator.JAR + ", Debian package google-cloud-cli-firestore-emulator)");
        emulator = FirestoreEmulator.start();
    }

    @AfterAll
    static void stopEmulator() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @BeforeEach
    void emptyTheDatabase() {
        emulator.reset(PROJECT);
    }

    /**
     * Fewer rounds: in the emulator a contended promotion takes about 2 s (31 ms alone), because both transactions
     * hold a read lock on {@code active/{kind}} and wait for each other until the emulator aborts one.
     */
    @Override
    int raceRounds() {
        return 3;
    }

    @Override
    MetadataStore openStore() {
        return MetadataStores.firestoreEmulator(emulator.hostAndPort(), PROJECT);
    }
}
