package com.csr.platform.artifacts;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Artifacts in an S3-compatible bucket (Backblaze B2 as the original used it, AWS S3, S3Proxy), through the AWS SDK v2:
 * path-style addressing, static keys. An S3 PUT is atomic, so a reader sees an object whole or not at all.
 */
public final class S3ArtifactStore implements ArtifactStore {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final String where;

    /** A store that signs no download links. */
    public S3ArtifactStore(S3Client s3, String bucket) {
        this(s3, null, bucket);
    }

    /** @param presigner signs download links; null for none */
    public S3ArtifactStore(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.where = s3.serviceClientConfiguration().endpointOverride().map(e -> e + " ").orElse("") + "bucket "
                + bucket;
    }

    /**
     * A store on an S3 endpoint.
     *
     * @param endpoint e.g. {@code https://s3.eu-central-003.backblazeb2.com} or {@code http://127.0.0.1:9000}
     */
    public static S3ArtifactStore connect(String endpoint, String region, String bucket, String keyId,
                                          String secret) {
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(keyId, secret));
        S3Client client = S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.of(region))
                .forcePathStyle(true).httpClientBuilder(UrlConnectionHttpClient.builder())
                // each attempt and the whole call, retries included, have a deadline: a silent store is a down one
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(Duration.ofSeconds(60))
                        .apiCallTimeout(Duration.ofMinutes(3)))
                .credentialsProvider(credentials).build();
        S3Presigner presigner = S3Presigner.builder().endpointOverride(URI.create(endpoint))
                .region(Region.of(region)).credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
        return new S3ArtifactStore(client, presigner, bucket);
    }

    public String bucket() {
        return bucket;
    }

    /** Creates the bucket unless it exists (for a fresh S3Proxy or a test; B2 buckets are made by their owner). */
    public void createBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    @Override
    public void put(String key, byte[] bytes) {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw unavailable("store " + key, e);
        }
    }

    /** A pre-signed GET of the object (SigV4, valid at most 7 days, as S3 and B2 allow). */
    @Override
    public Optional<URI> downloadLink(String key, Duration valid) {
        if (presigner == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(presigner.presignGetObject(r -> r.signatureDuration(valid)
                    .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toURI());
        } catch (SdkException e) {
            throw unavailable("sign a download link for " + key, e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("the signed link for " + key + " is no URI", e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw unavailable("read " + key, e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
        try {
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(request)) {
                page.contents().stream().map(S3Object::key).forEach(keys::add);
            }
        } catch (SdkException e) {
            throw unavailable("list " + prefix, e);
        }
        keys.sort(null);
        return keys;
    }

    private ArtifactStoreUnavailableException unavailable(String what, SdkException e) {
        return new ArtifactStoreUnavailableException("S3 at " + where + ": cannot " + what + ": " + e.getMessage(),
                e);
    }

    @Override
    public String uri(String key) {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public String keyOf(String uri) {
        String prefix = "s3://" + bucket + "/";
        if (!uri.startsWith(prefix)) {
            throw new IllegalArgumentException(uri + " is not in bucket " + bucket);
        }
        return uri.substring(prefix.length());
    }

    @Override
    public void close() {
        s3.close();
        if (presigner != null) {
            presigner.close();
        }
    }
}
