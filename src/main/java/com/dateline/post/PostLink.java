package com.dateline.post;

/** Where a neighbouring post lives, and its title for the link's tooltip. */
public record PostLink(String headline, String path) {}
