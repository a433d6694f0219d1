/** The model service's HTTP API: {@code /predict}, {@code /model}, {@code /model/evaluation}, and its problems. */
package com.csr.modelservice.rest;
