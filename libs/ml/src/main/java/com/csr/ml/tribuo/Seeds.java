package com.csr.ml.tribuo;

/** The one seed every trainer uses, so a training run is replayable from its data and configuration. */
public final class Seeds {

    public static final long DEFAULT = 20_240_601L;

    private Seeds() {
    }
}
