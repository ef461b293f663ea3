package com.dateline.support;

/** The demo accounts and posts the seed data creates, which the tests sign in as and comment on. */
public final class Demo {

    public static final String READER = "reader@dateline.test";
    public static final String MODERATOR = "moderator@dateline.test";
    public static final String EDITOR = "editor@dateline.test";
    public static final String ADMIN = "admin@dateline.test";

    public static final String LEBANON = "lebanon-a-week-of-waiting-in-beirut";
    public static final String NOWRUZ = "iran-nowruz-ends-and-tehran-goes-back-to-work";
    public static final String SEED = "iraq-us-and-irans-talk-about-talks-continues";
    public static final String BOOKSELLERS = "iraq-baghdads-booksellers-return-to-mutanabbi-street";

    /** The post the moderation tests comment on; no other test counts its comments. */
    public static final String JERUSALEM = "israel-spring-in-jerusalems-old-city";

    /** The address of a demo post's page: the demo posts are all from April 2008. */
    public static String page(String slug) {
        return "2008/04/" + slug;
    }

    private Demo() {}
}
