package com.csr.gateway.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that takes a larger request body than the gateway's default
 * ({@code csr.gateway.limits.body}), and says which limit it has instead; {@link BodyLimits} enforces it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {

    BodyLimits.Kind value();
}
