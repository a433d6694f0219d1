/** The HTTP API: {@code POST /predict}, {@code GET /model}, their bodies, and problem answers for every error. */
package com.csr.ltv.rest;
