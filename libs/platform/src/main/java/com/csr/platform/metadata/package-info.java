/**
 * What the platform records about its tenants — their API keys (as hashes), uploaded files with their quality
 * reports, training runs, model versions and which version of each kind is active — behind one
 * {@link com.csr.platform.metadata.MetadataStore}: {@link com.csr.platform.metadata.EmbeddedMetadataStore} (SQLite, the
 * default) or {@link com.csr.platform.metadata.FirestoreMetadataStore}, chosen by
 * {@link com.csr.platform.metadata.MetadataStores#fromEnvironment}.
 */
package com.csr.platform.metadata;
