/** The HTTP API: {@code POST /predict}, {@code GET /model} (their bodies are core's), and a problem for every error. */
package com.csr.segment.rest;
