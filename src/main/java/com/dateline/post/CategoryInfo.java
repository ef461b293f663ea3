package com.dateline.post;

import java.util.Locale;

/** A category as readers see it: its name, its kicker (the name in capitals) and its page. */
public record CategoryInfo(String name, String slug) {

    public String kicker() {
        return kicker(name);
    }

    /** The kicker a category of that name has; the editor's preview shows it before the category is stored. */
    public static String kicker(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    public String path() {
        return "/category/" + slug;
    }
}
