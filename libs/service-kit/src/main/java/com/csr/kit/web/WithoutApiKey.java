package com.csr.kit.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource that takes no tenant key: health at a glance, and the admin API, which checks the admin key
 * itself. Everything else needs {@code Authorization: Bearer <key>}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WithoutApiKey {
}
