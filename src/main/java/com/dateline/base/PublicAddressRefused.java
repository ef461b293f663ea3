package com.dateline.base;

/** The blog's public address is missing where it is required, or is not an address a reader's browser can open. */
public class PublicAddressRefused extends RuntimeException {

    PublicAddressRefused(String message) {
        super(message);
    }
}
