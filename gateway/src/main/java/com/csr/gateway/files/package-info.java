/**
 * Transaction files ({@code /files}, {@code /column-mapping}): uploads streamed from disk to the ingest service,
 * its reports passed back, and the column mappings a tenant saved.
 */
package com.csr.gateway.files;
