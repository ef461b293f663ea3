/** Who may do what: the filter chain, and (with the accounts feature) roles and sign-in. */
@NullMarked
package com.dateline.security;

import org.jspecify.annotations.NullMarked;
