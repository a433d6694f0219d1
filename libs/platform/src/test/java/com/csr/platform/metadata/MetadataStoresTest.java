package com.csr.platform.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment chooses the store; nothing here connects anywhere (Firestore clients connect on first use). */
class MetadataStoresTest {

    @TempDir
    Path directory;

    @Test
    void withoutFirestoreSettingsTheEmbeddedStoreIsUsedInTheDefaultDirectory() {
        try (MetadataStore store = MetadataStores.fromEnvironment(
                Map.of(MetadataStores.EMULATOR_HOST, " ", MetadataStores.SERVICE_ACCOUNT_PATH, ""), directory)) {
            assertThat(store).isInstanceOf(EmbeddedMetadataStore.class);
            assertThat(((EmbeddedMetadataStore) store).file()).isEqualTo(directory.resolve("metadata.db"));
            assertThat(directory.resolve("metadata.db")).isRegularFile();
        }
    }

    @Test
    void anEmulatorHostChoosesFirestoreAgainstTheEmulator() {
        assertThat(projectOf(Map.of(MetadataStores.EMULATOR_HOST, "127.0.0.1:8080"))).isEqualTo("csr-local");
        assertThat(projectOf(Map.of(MetadataStores.EMULATOR_HOST, "127.0.0.1:8080",
                MetadataStores.GOOGLE_CLOUD_PROJECT, "from-gcloud"))).isEqualTo("from-gcloud");
        assertThat(projectOf(Map.of(MetadataStores.EMULATOR_HOST, "127.0.0.1:8080",
                MetadataStores.GOOGLE_CLOUD_PROJECT, "from-gcloud", MetadataStores.PROJECT_ID, "csr-dev")))
                .isEqualTo("csr-dev");
    }

    @Test
    void aServiceAccountKeyChoosesFirestoreInTheKeysProject() throws Exception {
        Path key = serviceAccountKey("csr-prod");

        assertThat(projectOf(Map.of(MetadataStores.SERVICE_ACCOUNT_PATH, key.toString()))).isEqualTo("csr-prod");
        assertThat(projectOf(Map.of(MetadataStores.SERVICE_ACCOUNT_PATH, key.toString(),
                MetadataStores.EMULATOR_HOST, "127.0.0.1:8080")))
                .as("the emulator wins, so no one writes to a real project by accident").isEqualTo("csr-local");
    }

    @Test
    void aKeyFileThatCannotServeIsNamedInTheError() throws Exception {
        Path missing = directory.resolve("missing.json");
        assertThatThrownBy(() -> MetadataStores.fromEnvironment(
                Map.of(MetadataStores.SERVICE_ACCOUNT_PATH, missing.toString()), directory))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("FIREBASE_SERVICE_ACCOUNT_PATH");
        Path noProject = serviceAccountKey(null);
        assertThatThrownBy(() -> MetadataStores.firestore(noProject))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no project_id");
    }

    private String projectOf(Map<String, String> env) {
        try (MetadataStore store = MetadataStores.fromEnvironment(env, directory)) {
            assertThat(store).isInstanceOf(FirestoreMetadataStore.class);
            return ((FirestoreMetadataStore) store).projectId();
        }
    }

    /** A service account key file as the Google Cloud console writes one, with a freshly made private key. */
    private Path serviceAccountKey(String projectId) throws NoSuchAlgorithmException, IOException {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String privateKey = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(rsa.generateKeyPair().getPrivate()
                .getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("type", "service_account");
        if (projectId != null) {
            key.put("project_id", projectId);
        }
        key.put("private_key_id", "0123456789abcdef");
        key.put("private_key", privateKey);
        key.put("client_email", "metadata@csr-prod.iam.gserviceaccount.com");
        key.put("client_id", "100000000000000000001");
        key.put("token_uri", "https://oauth2.googleapis.com/token");
        Path file = Files.createTempFile(directory, "service-account-", ".json");
        new ObjectMapper().writeValue(file.toFile(), key);
        return file;
    }
}
