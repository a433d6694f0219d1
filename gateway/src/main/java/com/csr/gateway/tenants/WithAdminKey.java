package com.csr.gateway.tenants;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource that takes the admin key ({@code CSR_ADMIN_KEY}) instead of a tenant's; {@link AdminAuthentication}
 * checks it before anything of the request is read. Such a resource is also {@code @WithoutApiKey}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WithAdminKey {
}
