package com.dateline.security;

import jakarta.servlet.Filter;

/**
 * A filter that answers, inside the security chain but before its authorization step, the requests for pages everyone
 * may read (the public pages): it sees who is signed in and the chain's protective headers are written, while the
 * authorization step, which resolves the address against every view's access rules, is spared for the bulk of
 * traffic. It must answer only what anonymous visitors may see anyway, and hand everything else on.
 */
public interface PublicAnswers extends Filter {}
