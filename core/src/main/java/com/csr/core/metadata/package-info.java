/**
 * What the platform records about its tenants — their API keys (as hashes), uploaded files with their quality
 * reports, training runs, model versions and which version of each kind is active — behind one
 * {@link com.csr.core.metadata.MetadataStore}: {@link com.csr.core.metadata.EmbeddedMetadataStore} (SQLite, the
 * default) or {@link com.csr.core.metadata.FirestoreMetadataStore}, chosen by
 * {@link com.csr.core.metadata.MetadataStores#fromEnvironment}.
 */
package com.csr.core.metadata;
