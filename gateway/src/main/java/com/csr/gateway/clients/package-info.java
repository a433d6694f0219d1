/**
 * The services behind the gateway, called over HTTP with the caller's key: REST clients of the ingest, feature and
 * model services, and {@link com.csr.gateway.clients.ModelServices}, their answers in {@code contracts.models} records
 * behind a guard a kind.
 */
package com.csr.gateway.clients;
