/**
 * What every feature shares: the blog's identity (title, tagline, time zone) and how the blog
 * writes dates. Its {@code ui} sub-package holds the page layout and shared components.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package com.dateline.base;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
