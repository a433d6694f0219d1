/** The HTTP API: file uploads and the tenant's ingest reports, errors as RFC 9457 problems. */
package com.csr.ingest.rest;
