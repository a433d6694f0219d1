/**
 * The gateway's settings ({@code csr.gateway.*}).
 */
package com.csr.gateway.config;
