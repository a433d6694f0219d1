/** What the service knows and decides: which files are reported, which are being assembled, what an upload must be. */
package com.csr.ingest.service;
