package com.csr.kit.web;

import com.csr.contracts.ids.Caller;
import com.csr.contracts.ids.KeyScope;
import com.csr.contracts.ids.TenantIds;
import com.csr.contracts.problems.UnauthenticatedException;
import com.csr.platform.metadata.ApiKey;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The credential the instances of a service call each other with ({@code CSR_PEER_KEY}): a peer's request carries it
 * as its bearer and names the tenant it asks for in {@value #TENANT_HEADER}, so no caller's API key leaves the
 * instance it came to. It reads only ({@code read} scope). Without a peer key set, instances pass the caller's key
 * on, as before; a key under {@value #MIN_LENGTH} characters is refused at start.
 */
@Singleton
public class PeerCredential {

    /** The header naming the tenant a peer asks for. */
    public static final String TENANT_HEADER = "X-Csr-Tenant";
    /** The key id a peer's request is known by in the logs and limits. */
    public static final String KEY_ID = "peer";
    static final int MIN_LENGTH = 24;
    private static final String BEARER = "bearer ";

    private final Optional<String> bearer;
    private final Optional<byte[]> digest;

    public PeerCredential(@ConfigProperty(name = "csr.peer-key") Optional<String> key) {
        Optional<String> set = key.map(String::trim).filter(k -> !k.isEmpty());
        if (set.isPresent() && set.get().length() < MIN_LENGTH) {
            throw new IllegalArgumentException("CSR_PEER_KEY is shorter than " + MIN_LENGTH + " characters, which is"
                    + " guessable: give the service a longer one");
        }
        this.bearer = set.map(k -> "Bearer " + k);
        this.digest = set.map(PeerCredential::digest);
    }

    /** The {@code Authorization} a call to a peer carries: the peer key's, else the caller's own. */
    public String authorization(Caller caller) {
        return bearer.orElse(caller.authorization());
    }

    /** The {@value #TENANT_HEADER} a call to a peer carries: the caller's tenant, or null when the caller's key goes. */
    public String tenantHeader(Caller caller) {
        return bearer.isPresent() ? caller.tenantId() : null;
    }

    /**
     * The caller a peer's request asks for.
     *
     * @throws UnauthenticatedException when it does not carry this service's peer key, or names no valid tenant
     */
    Caller callerOf(String authorization, String tenantId) {
        if (digest.isEmpty() || authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)
                || !MessageDigest.isEqual(digest(authorization.substring(BEARER.length()).trim()), digest.get())) {
            throw new UnauthenticatedException("a request naming its tenant in " + TENANT_HEADER + " must come from"
                    + " an instance of this service");
        }
        if (!TenantIds.isValid(tenantId)) {
            throw new UnauthenticatedException(TENANT_HEADER + " names no valid tenant");
        }
        return new Caller(tenantId, KEY_ID, authorization, Set.of(KeyScope.READ), null);
    }

    private static byte[] digest(String key) {
        return ApiKey.hashOf(key).getBytes(StandardCharsets.US_ASCII);
    }
}
