package com.dateline.post;

/** A category as readers see it: its name, its kicker (the name in capitals) and its page. */
public record CategoryInfo(String name, String slug) {

    public String kicker() {
        return name.toUpperCase(java.util.Locale.ROOT);
    }

    public String path() {
        return "/category/" + slug;
    }
}
