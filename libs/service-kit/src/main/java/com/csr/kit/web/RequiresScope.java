package com.csr.kit.web;

import com.csr.contracts.ids.KeyScope;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope a key needs for an endpoint (or every endpoint of a class), where the rule by HTTP method does not fit:
 * without it, {@code GET} and {@code HEAD} need {@code read} and every other method {@code write}. {@code POST
 * /predict} reads, so it says {@code READ}; the keys and notification endpoints say {@code ADMIN}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresScope {

    KeyScope value();
}
