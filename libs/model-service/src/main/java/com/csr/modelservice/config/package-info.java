/** The model service's typed settings: its kind, its stores, its limits. */
package com.csr.modelservice.config;
