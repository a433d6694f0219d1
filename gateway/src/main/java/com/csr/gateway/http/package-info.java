/**
 * What every endpoint shares: request body limits (413 before a body is read), RFC 9457 problems for every
 * failure, and closing connections whose body is never read.
 */
package com.csr.gateway.http;
