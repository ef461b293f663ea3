package com.dateline.account.ui;

import com.vaadin.flow.server.VaadinRequest;

/**
 * The address the current request came from, as the servlet container resolved it (a forwarded header counts only from
 * a trusted proxy): what per-client allowances are kept under.
 */
final class ClientAddress {

    private ClientAddress() {}

    static String current() {
        var request = VaadinRequest.getCurrent();
        return request == null || request.getRemoteAddr() == null ? "unknown" : request.getRemoteAddr();
    }
}
