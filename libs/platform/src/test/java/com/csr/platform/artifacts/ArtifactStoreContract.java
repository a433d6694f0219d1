package com.csr.platform.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every artifact store does, whatever keeps the bytes: the directory and S3 run these same tests. */
abstract class ArtifactStoreContract {

    /** The store under test, empty. */
    abstract ArtifactStore store();

    /** Replaces a stored object's bytes behind the store's back, as a tamperer with access to the storage would. */
    abstract void tamper(String key, byte[] bytes);

    @TempDir
    Path local;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void storesReplacesAndReadsObjectsWhole() {
        ArtifactStore store = store();
        assertThat(store.get("tenants/t1/a.txt")).isEmpty();
        store.put("tenants/t1/a.txt", utf8("first"));
        store.put("tenants/t1/a.txt", utf8("second"));
        assertThat(store.get("tenants/t1/a.txt")).hasValueSatisfying(b ->
                assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("second"));
        byte[] big = new byte[3 << 20];
        new java.util.Random(1).nextBytes(big);
        store.put("tenants/t1/big.bin", big);
        assertThat(store.get("tenants/t1/big.bin")).hasValue(big);
    }

    @Test
    void listsOnlyUnderThePrefixInKeyOrder() {
        ArtifactStore store = store();
        store.put("tenants/t1/models/b", utf8("b"));
        store.put("tenants/t1/models/a", utf8("a"));
        store.put("tenants/t10/models/c", utf8("c"));
        assertThat(store.list("tenants/t1/")).containsExactly("tenants/t1/models/a", "tenants/t1/models/b");
        assertThat(store.list("tenants/nobody/")).isEmpty();
    }

    @Test
    void handsOutUrisItTakesBackAndRefusesOthers() {
        ArtifactStore store = store();
        String folder = ArtifactLayout.model("t1", "churn", "v1");
        assertThat(store.keyOf(store.uri(folder))).isEqualTo(folder);
        assertThat(store.keyOf(store.uri(folder + "model.json"))).isEqualTo(folder + "model.json");
        assertThatThrownBy(() -> store.keyOf("s3://someone-elses-bucket/tenants/t1/x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.keyOf("file:///etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFolderComesBackCheckedAgainstItsManifest() throws Exception {
        ArtifactStore store = store();
        Path source = Files.createDirectories(local.resolve("source"));
        Files.writeString(source.resolve("model.bin"), "weights");
        Files.writeString(source.resolve("model.json"), "{\"auc\": 0.7}");
        String folder = ArtifactLayout.model("t1", "churn", "v1");

        ArtifactFolder.Manifest manifest = ArtifactFolder.upload(store, source, folder);
        assertThat(manifest.files()).containsOnlyKeys("model.bin", "model.json")
                .containsEntry("model.bin", ArtifactFolder.sha256(utf8("weights")));
        assertThat(store.list(folder)).containsExactly(folder + "manifest.json", folder + "model.bin",
                folder + "model.json");
        Path back = local.resolve("back");
        assertThat(ArtifactFolder.download(store, folder, back)).isEqualTo(manifest);
        assertThat(Files.readString(back.resolve("model.bin"))).isEqualTo("weights");

        tamper(folder + "model.bin", utf8("weights, altered"));
        assertThatThrownBy(() -> ArtifactFolder.download(store, folder, local.resolve("again")))
                .isInstanceOf(ArtifactFolder.TamperedArtifactException.class)
                .hasMessageContaining("does not match the manifest");
    }

    @Test
    void aFolderWithoutItsManifestIsNotReadAndAManifestCannotPointOutside() {
        ArtifactStore store = store();
        String folder = ArtifactLayout.model("t1", "churn", "half-written");
        store.put(folder + "model.bin", utf8("weights"));
        assertThatThrownBy(() -> ArtifactFolder.download(store, folder, local.resolve("x")))
                .isInstanceOf(ArtifactFolder.MissingArtifactException.class).hasMessageContaining("manifest.json");

        String evil = ArtifactLayout.model("t1", "churn", "evil");
        store.put(evil + "manifest.json", utf8("{\"files\": {\"../../t2/secret\": \"00\"}}"));
        assertThatThrownBy(() -> ArtifactFolder.download(store, evil, local.resolve("y")))
                .isInstanceOf(ArtifactFolder.TamperedArtifactException.class);
    }
}
