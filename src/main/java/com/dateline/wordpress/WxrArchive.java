package com.dateline.wordpress;

import java.util.List;

/**
 * What a WordPress export holds that Dateline imports.
 *
 * @param posts the items that are posts (attachments, pages and menus are left out), in file order
 * @param skipped items or comments the file holds that will not be imported, each as "item: reason"
 */
public record WxrArchive(String title, List<WxrPost> posts, List<String> skipped) {

    public WxrArchive {
        posts = List.copyOf(posts);
        skipped = List.copyOf(skipped);
    }
}
