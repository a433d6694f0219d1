package com.csr.kit.web;

import com.csr.contracts.ids.Caller;
import com.csr.contracts.problems.UnauthenticatedException;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the request being answered, as {@link ApiKeyAuthentication} found it. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void authenticated(Caller caller) {
        this.caller = caller;
    }

    /** @throws UnauthenticatedException on an endpoint that takes no key ({@link WithoutApiKey}) */
    public Caller get() {
        if (caller == null) {
            throw new UnauthenticatedException("no API key: send the header 'Authorization: Bearer <key>'");
        }
        return caller;
    }

    /** The tenant every read and write of this request is filed under. */
    public String tenantId() {
        return get().tenantId();
    }
}
