package com.csr.platform.metadata;

import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.firestore.FirestoreOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Chooses the metadata store from the environment, as every service and the command line do:
 * <ol>
 *   <li>{@value #EMULATOR_HOST} set ({@code host:port}): Firestore's emulator, project {@value #PROJECT_ID}, else
 *       {@value #GOOGLE_CLOUD_PROJECT}, else {@value #DEFAULT_PROJECT}. It wins when
 *       {@value #SERVICE_ACCOUNT_PATH} is set too, so a developer pointed at the emulator never writes to a real
 *       project by accident;</li>
 *   <li>{@value #SERVICE_ACCOUNT_PATH} set: Firestore with that service account's credentials, in the project named
 *       in its key file;</li>
 *   <li>otherwise the {@link EmbeddedMetadataStore} in the default directory.</li>
 * </ol>
 * Blank values count as unset.
 */
public final class MetadataStores {

    public static final String EMULATOR_HOST = "FIRESTORE_EMULATOR_HOST";
    public static final String PROJECT_ID = "FIRESTORE_PROJECT_ID";
    public static final String GOOGLE_CLOUD_PROJECT = "GOOGLE_CLOUD_PROJECT";
    public static final String SERVICE_ACCOUNT_PATH = "FIREBASE_SERVICE_ACCOUNT_PATH";
    public static final String DEFAULT_PROJECT = "csr-local";

    private MetadataStores() {
    }

    /**
     * @param env        the environment ({@code System.getenv()})
     * @param defaultDir where the embedded store keeps {@value EmbeddedMetadataStore#FILE_NAME}
     */
    public static MetadataStore fromEnvironment(Map<String, String> env, Path defaultDir) {
        String emulatorHost = value(env, EMULATOR_HOST);
        if (emulatorHost != null) {
            String project = value(env, PROJECT_ID);
            if (project == null) {
                project = value(env, GOOGLE_CLOUD_PROJECT);
            }
            return firestoreEmulator(emulatorHost, project == null ? DEFAULT_PROJECT : project);
        }
        String serviceAccount = value(env, SERVICE_ACCOUNT_PATH);
        if (serviceAccount != null) {
            return firestore(Path.of(serviceAccount));
        }
        return new EmbeddedMetadataStore(defaultDir);
    }

    /** Firestore's emulator at {@code host:port}; it needs no credentials. */
    public static FirestoreMetadataStore firestoreEmulator(String hostAndPort, String projectId) {
        return new FirestoreMetadataStore(FirestoreOptions.newBuilder()
                .setProjectId(projectId)
                .setEmulatorHost(hostAndPort)
                .build());
    }

    /**
     * Firestore with a service account's key file (JSON, as the Google Cloud or Firebase console gives it).
     *
     * @throws IllegalArgumentException when the file cannot be read as a service account key with a project id
     */
    public static FirestoreMetadataStore firestore(Path serviceAccountFile) {
        ServiceAccountCredentials credentials;
        try (InputStream in = Files.newInputStream(serviceAccountFile)) {
            credentials = ServiceAccountCredentials.fromStream(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the service account key " + serviceAccountFile + " ("
                    + SERVICE_ACCOUNT_PATH + "): " + e.getMessage(), e);
        }
        if (credentials.getProjectId() == null) {
            throw new IllegalArgumentException("the service account key " + serviceAccountFile
                    + " names no project_id");
        }
        return new FirestoreMetadataStore(FirestoreOptions.newBuilder()
                .setProjectId(credentials.getProjectId())
                .setCredentials(credentials)
                .build());
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
