package com.csr.platform.keys;

import com.csr.contracts.ids.Caller;
import com.csr.contracts.ids.CurrencyCodes;
import com.csr.contracts.ids.KeyScope;
import com.csr.contracts.ids.RecordIds;
import com.csr.contracts.problems.ForbiddenException;
import com.csr.contracts.problems.InvalidRequestException;
import com.csr.contracts.problems.NotFoundException;
import com.csr.contracts.problems.UnauthenticatedException;
import com.csr.platform.metadata.ApiKey;
import com.csr.platform.metadata.MetadataStore;
import com.csr.platform.metadata.MetadataStoreException;
import com.csr.platform.metadata.Tenant;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * Tenants' API keys: issuing them (the secret shown once, only its SHA-256 kept), telling the tenant and scopes of a
 * request from its {@code Authorization: Bearer <key>} header, starting and ending web sessions, and revoking them.
 * A key issues and revokes keys only with the {@code admin} scope, and never issues one with more scopes or a later
 * expiry than its own ({@link KeyScope}).
 *
 * <p>A secret is {@code csr_} and 32 random bytes (base64url): with that much entropy a plain SHA-256 is as safe as
 * a slow password hash and costs microseconds per request. A key looked up is remembered for {@code remember}, so a
 * request costs no store round trip; a revocation made here takes effect at once, one made through another process
 * within that time. While the store cannot be reached, a key seen before stays good, so an outage of the metadata
 * store does not refuse the callers already known. A key the store does not know is remembered as unknown for as
 * long, so a client that keeps sending a wrong key costs one look-up per {@code remember}, not one per request; a
 * key issued here is forgotten as unknown at once. Expiry is checked on every request.
 */
public final class TenantKeys {

    public static final String SECRET_PREFIX = "csr_";
    /** The label of the keys web sessions are ({@link #startSession}). */
    public static final String SESSION_LABEL = "web session";
    private static final String SCHEME = "bearer ";
    private static final int SECRET_BYTES = 32;
    private static final int REMEMBERED_KEYS_MAX = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MetadataStore store;
    private final Clock clock;
    private final Duration remember;
    private final ConcurrentMap<String, Remembered> remembered = new ConcurrentHashMap<>();
    /** Hashes of keys the store did not know, until when they are answered "unknown" without asking it again. */
    private final ConcurrentMap<String, Instant> unknown = new ConcurrentHashMap<>();

    private record Remembered(ApiKey key, Instant until) {
    }

    public TenantKeys(MetadataStore store, Clock clock, Duration remember) {
        this.store = store;
        this.clock = clock;
        this.remember = remember;
    }

    /**
     * Creates a tenant without a currency of its own and issues its first key.
     *
     * @throws com.csr.platform.metadata.MetadataConflictException when the tenant exists
     */
    public IssuedKey createTenant(String tenantId) {
        return createTenant(tenantId, null);
    }

    /**
     * Creates a tenant and issues its first key.
     *
     * @param currency the currency its money figures are in ({@link CurrencyCodes}); {@code null} for none of its own
     * @throws InvalidRequestException for an invalid tenant id or currency, creating nothing
     * @throws com.csr.platform.metadata.MetadataConflictException when the tenant exists
     */
    public IssuedKey createTenant(String tenantId, String currency) {
        Tenant tenant;
        try {
            tenant = new Tenant(tenantId, now(), currency);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidRequestException(invalid.getMessage());
        }
        store.createTenant(tenant);
        return issueKey(tenantId, "first key", null);
    }

    public List<Tenant> tenants() {
        return store.tenants();
    }

    /**
     * Issues another key to an existing tenant, with every scope: the admin API's way.
     *
     * @param label     what the key is for; may be {@code null}
     * @param expiresAt when it stops working; {@code null} for never
     */
    public IssuedKey issueKey(String tenantId, String label, Instant expiresAt) {
        return issue(tenantId, label, expiresAt, KeyScope.ALL);
    }

    /**
     * Issues another key to an existing tenant with the scopes named: the admin API's way.
     *
     * @param scopes what the key may do; {@code null} or empty for everything
     */
    public IssuedKey issueKey(String tenantId, String label, Instant expiresAt, Set<KeyScope> scopes) {
        return issue(tenantId, label, expiresAt, scopes == null || scopes.isEmpty() ? KeyScope.ALL : scopes);
    }

    /**
     * Issues another key of the caller's tenant at the caller's request: only an {@code admin} key may, and never a
     * key with a scope the caller's key lacks or that outlives it.
     *
     * @param scopes    what the new key may do; {@code null} for the caller's own scopes
     * @param expiresAt when it stops working; {@code null} for never, or for the caller's own expiry if it has one
     * @throws ForbiddenException      when the caller may not issue keys, or not this one
     * @throws InvalidRequestException for a label or expiry that cannot be used
     */
    public IssuedKey issueKey(Caller issuer, String label, Instant expiresAt, Set<KeyScope> scopes) {
        requireAdmin(issuer, "issuing keys");
        Set<KeyScope> granted = scopes == null || scopes.isEmpty() ? issuer.scopes() : scopes;
        if (!issuer.scopes().containsAll(granted)) {
            throw new ForbiddenException("a key cannot issue a key with scopes it does not have itself (this one "
                    + "has " + codes(issuer.scopes()) + ")");
        }
        Instant expiry = expiresAt == null ? issuer.expiresAt() : expiresAt;
        if (issuer.expiresAt() != null && expiry.isAfter(issuer.expiresAt())) {
            throw new ForbiddenException("a key cannot issue a key that outlives it: this one expires at "
                    + issuer.expiresAt().truncatedTo(ChronoUnit.SECONDS));
        }
        return issue(issuer.tenantId(), label, expiry, granted);
    }

    /**
     * Starts a web session for the caller: a new key of its tenant labelled {@value #SESSION_LABEL}, with the
     * caller's scopes, expiring after {@code maxAge} or when the caller's key does, whichever comes first. Any key
     * may start one; it ends with {@link #endSession}.
     */
    public IssuedKey startSession(Caller caller, Duration maxAge) {
        Instant end = now().plus(maxAge);
        if (caller.expiresAt() != null && caller.expiresAt().isBefore(end)) {
            end = caller.expiresAt();
        }
        return issue(caller.tenantId(), SESSION_LABEL, end, caller.scopes());
    }

    /**
     * Ends the session the caller's key is: revokes it, for good.
     *
     * @throws ForbiddenException when the caller's key is no session's ({@code DELETE /keys/{id}} revokes others)
     */
    public ApiKey endSession(Caller caller) {
        ApiKey key = store.apiKeys(caller.tenantId()).stream().filter(k -> k.keyId().equals(caller.keyId()))
                .findFirst().orElseThrow(() -> new NotFoundException("no API key " + caller.keyId()));
        if (!SESSION_LABEL.equals(key.label())) {
            throw new ForbiddenException("this key is no web session's; revoke keys with DELETE /keys/{key_id}");
        }
        return revoke(caller.tenantId(), caller.keyId());
    }

    /**
     * Revokes one of the caller's tenant's keys at the caller's request: only an {@code admin} key may.
     *
     * @throws ForbiddenException when the caller's key may not
     * @throws NotFoundException  when the tenant has no such key
     */
    public ApiKey revoke(Caller caller, String keyId) {
        requireAdmin(caller, "revoking keys");
        return revoke(caller.tenantId(), keyId);
    }

    private static void requireAdmin(Caller caller, String what) {
        if (!caller.may(KeyScope.ADMIN)) {
            throw new ForbiddenException(what + " needs a key with the admin scope; this one has "
                    + codes(caller.scopes()));
        }
    }

    private static String codes(Set<KeyScope> scopes) {
        return Arrays.stream(KeyScope.values()).filter(scopes::contains).map(KeyScope::code)
                .collect(Collectors.joining(", "));
    }

    private IssuedKey issue(String tenantId, String label, Instant expiresAt, Set<KeyScope> scopes) {
        if (store.tenant(tenantId).isEmpty()) {
            throw new NotFoundException("no tenant " + tenantId);
        }
        Instant now = now();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidRequestException("a key's expiry must be in the future");
        }
        if (label != null && (label.isBlank() || label.length() > ApiKey.MAX_LABEL_LENGTH)) {
            throw new InvalidRequestException("label: 1-" + ApiKey.MAX_LABEL_LENGTH + " characters, or none");
        }
        byte[] random = new byte[SECRET_BYTES];
        RANDOM.nextBytes(random);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        byte[] id = new byte[6];
        RANDOM.nextBytes(id);
        ApiKey key = new ApiKey(tenantId, "key-" + HexFormat.of().formatHex(id), ApiKey.hashOf(secret), label, now,
                expiresAt, null, scopes);
        store.addApiKey(key);
        unknown.remove(key.sha256Hex());
        return new IssuedKey(key, secret);
    }

    /** The tenant's keys, oldest first: hashes and dates, never secrets. */
    public List<ApiKey> keys(String tenantId) {
        return store.apiKeys(tenantId);
    }

    /**
     * Revokes one of the tenant's keys; requests bearing it are refused from now on.
     *
     * @throws NotFoundException when the tenant has no such key (another tenant's key is never touched)
     */
    public ApiKey revoke(String tenantId, String keyId) {
        if (!RecordIds.isValid(keyId) || !store.revokeApiKey(tenantId, keyId, now())) {
            throw new NotFoundException("no API key " + keyId);
        }
        remembered.values().removeIf(r -> r.key().tenantId().equals(tenantId) && r.key().keyId().equals(keyId));
        return store.apiKeys(tenantId).stream().filter(k -> k.keyId().equals(keyId)).findFirst().orElseThrow();
    }

    /**
     * The caller a request's {@code Authorization} header names.
     *
     * @throws UnauthenticatedException when there is no key, or it is malformed, unknown, revoked or expired
     */
    public Caller authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new UnauthenticatedException("no API key: send the header 'Authorization: Bearer <key>'");
        }
        if (!authorization.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            throw new UnauthenticatedException("the Authorization header must be 'Bearer <key>'");
        }
        String secret = authorization.substring(SCHEME.length()).trim();
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new UnauthenticatedException("this is not an API key of this platform (they start with '"
                    + SECRET_PREFIX + "')");
        }
        ApiKey key = lookUp(ApiKey.hashOf(secret))
                .orElseThrow(() -> new UnauthenticatedException("unknown API key"));
        if (key.isRevoked()) {
            // when is not said: the answer tells whoever holds the secret no more than that it no longer works
            throw new UnauthenticatedException("this API key was revoked");
        }
        if (key.hasExpired(now())) {
            throw new UnauthenticatedException("this API key has expired");
        }
        return new Caller(key.tenantId(), key.keyId(), authorization, key.scopes(), key.expiresAt());
    }

    /**
     * True when {@link #authenticate} can answer this header without asking the store: it is no key of this platform,
     * or the key was looked up a moment ago (found or not). The others may wait on the store, so are checked where
     * waiting is allowed.
     */
    public boolean answersAtOnce(String authorization) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            return true;
        }
        String secret = authorization.substring(SCHEME.length()).trim();
        if (!secret.startsWith(SECRET_PREFIX)) {
            return true;
        }
        String hash = ApiKey.hashOf(secret);
        Instant now = clock.instant();
        Remembered known = remembered.get(hash);
        Instant unknownUntil = unknown.get(hash);
        return known != null && now.isBefore(known.until()) || unknownUntil != null && now.isBefore(unknownUntil);
    }

    private Optional<ApiKey> lookUp(String hash) {
        Instant now = clock.instant();
        Remembered known = remembered.get(hash);
        if (known != null && now.isBefore(known.until())) {
            return Optional.of(known.key());
        }
        Instant unknownUntil = unknown.get(hash);
        if (unknownUntil != null && now.isBefore(unknownUntil)) {
            return Optional.empty();
        }
        Optional<ApiKey> key;
        try {
            key = store.apiKeyByHash(hash);
        } catch (MetadataStoreException storeDown) {
            if (known != null) {
                // the store cannot be asked: a key this process has seen stays good until it can, so requests go on
                // through an outage of the store (a revocation could not be read from it meanwhile anyway)
                return Optional.of(known.key());
            }
            throw storeDown;
        }
        if (key.isPresent() && !remember.isZero()) {
            if (remembered.size() >= REMEMBERED_KEYS_MAX) {
                remembered.clear();
            }
            remembered.put(hash, new Remembered(key.get(), now.plus(remember)));
        } else if (key.isEmpty() && !remember.isZero()) {
            if (unknown.size() >= REMEMBERED_KEYS_MAX) {
                unknown.clear();
            }
            unknown.put(hash, now.plus(remember));
        }
        return key;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
