/** Prediction logic over core's model registry: request validation, the tenant's model, scoring. */
package com.csr.segment.service;
