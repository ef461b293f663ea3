package com.dateline.base;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Writes instants the way the blog shows them: "April 7, 2008 | 9:58 am" in the blog's zone. */
@Component
public class BlogTime {

    // The newspaper style writes "am"/"pm" in lower case, which no locale pattern gives.
    private static final DateTimeFormatter DATELINE = new DateTimeFormatterBuilder()
            .appendPattern("MMMM d, yyyy | h:mm ")
            .appendText(ChronoField.AMPM_OF_DAY, Map.of(0L, "am", 1L, "pm"))
            .toFormatter(Locale.US);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    private static final DateTimeFormatter MOMENT = new DateTimeFormatterBuilder()
            .appendPattern("MMMM d, yyyy, h:mm ")
            .appendText(ChronoField.AMPM_OF_DAY, Map.of(0L, "am", 1L, "pm"))
            .appendPattern(" (zzz)")
            .toFormatter(Locale.US);

    private final BlogProperties blog;

    public BlogTime(BlogProperties blog) {
        this.blog = blog;
    }

    public ZoneId zone() {
        return blog.timeZone();
    }

    public ZonedDateTime inBlogZone(Instant instant) {
        return instant.atZone(zone());
    }

    /** "April 7, 2008 | 9:58 am". */
    public String dateline(Instant instant) {
        return DATELINE.format(inBlogZone(instant));
    }

    /** "April 7, 2008". */
    public String date(Instant instant) {
        return DATE.format(inBlogZone(instant));
    }

    /** "April 7, 2008, 9:58 am (PDT)": a moment in running text, such as a mail, where the zone must be said. */
    public String moment(Instant instant) {
        return MOMENT.format(inBlogZone(instant));
    }

    /** The machine-readable form for {@code <time datetime>}, with the blog zone's offset. */
    public String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(inBlogZone(instant));
    }
}
