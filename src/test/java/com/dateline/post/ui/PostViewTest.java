package com.dateline.post.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.base.ui.FigCaption;
import com.dateline.base.ui.Figure;
import com.dateline.base.ui.NotFoundView;
import com.dateline.base.ui.Time;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Nav;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class PostViewTest extends SpringBrowserlessTest {

    private static final String SEED = "2008/04/iraq-us-and-irans-talk-about-talks-continues";
    private static final String OLDEST = "2008/04/lebanon-a-week-of-waiting-in-beirut";
    private static final String NEWEST = "2008/04/iraq-baghdads-booksellers-return-to-mutanabbi-street";

    @Test
    void seed_post_shows_kicker_and_title_in_one_heading() {
        navigate(SEED, PostView.class);

        assertThat(find(H1.class).single().getElement().getTextRecursively())
                .isEqualTo("IRAQ: U.S. and Iran's talk about talks continues");
        assertThat(UI.getCurrent().getInternals().getTitle())
                .isEqualTo("U.S. and Iran's talk about talks continues — Babylon & Beyond");
    }

    @Test
    void seed_post_shows_its_dateline_in_the_blog_time_zone() {
        navigate(SEED, PostView.class);

        var time = find(Time.class).single();
        assertThat(time.getText()).isEqualTo("April 7, 2008 | 9:58 am");
        assertThat(time.getElement().getAttribute("datetime")).isEqualTo("2008-04-07T09:58:00-07:00");
    }

    @Test
    void seed_post_body_is_an_article_with_the_three_quotations_as_block_quotes() {
        navigate(SEED, PostView.class);

        var article = Jsoup.parseBodyFragment(
                find(Article.class).single().getElement().getOuterHTML());
        var quotes = article.select("article blockquote");
        assertThat(quotes).hasSize(3);
        assertThat(quotes.get(0).text()).startsWith("We understand that the Iraqi foreign ministry");
        assertThat(quotes.get(1).text()).startsWith("Recently an Iraqi delegation came here");
        assertThat(quotes.get(2).text()).startsWith("We fully support Maliki's stance");
        assertThat(article.select("article .post-body p").first().text())
                .startsWith("Think of Iran and the United States");
        assertThat(article.select("article .byline").text())
                .isEqualTo("— Times staff writers in Beirut, Baghdad and Tehran");
    }

    @Test
    void byline_comes_after_the_body() {
        navigate(SEED, PostView.class);

        var article = Jsoup.parseBodyFragment(
                find(Article.class).single().getElement().getOuterHTML());
        var children = article.selectFirst("article").children();
        assertThat(children.indexOf(article.selectFirst(".byline")))
                .isGreaterThan(children.indexOf(article.selectFirst(".post-body")));
    }

    @Test
    void seed_post_photo_is_a_figure_with_alt_text_caption_and_credit() {
        navigate(SEED, PostView.class);

        var figure = find(Figure.class).single();
        var image = find(Image.class, figure).single();
        assertThat(image.getAlt()).hasValueSatisfying(alt -> assertThat(alt).contains("Generated illustration"));
        assertThat(image.getSrc()).matches("/images/\\d+");
        assertThat(find(FigCaption.class).single().getElement().getTextRecursively())
                .isEqualTo("Mohammed Ali Hosseini, spokesman for Iran's foreign ministry, spoke to reporters today."
                        + " Credit: Hassan Ghaedi / Fars News Agency");
    }

    @Test
    void post_in_the_middle_links_to_the_next_older_and_next_newer_post() {
        navigate(SEED, PostView.class);

        var nav = find(Nav.class).withAttribute("aria-label", "Post navigation").single();
        var previous = find(Anchor.class, nav).withAttribute("rel", "prev").single();
        var next = find(Anchor.class, nav).withAttribute("rel", "next").single();
        assertThat(previous.getText()).isEqualTo("« Previous Post");
        assertThat(previous.getHref()).isEqualTo("/2008/04/iran-nowruz-ends-and-tehran-goes-back-to-work");
        assertThat(next.getText()).isEqualTo("Next Post »");
        assertThat(next.getHref()).isEqualTo("/2008/04/israel-spring-in-jerusalems-old-city");
        assertThat(find(Anchor.class, nav)
                        .withText("Babylon & Beyond Home")
                        .single()
                        .getHref())
                .isEqualTo("/");
    }

    @Test
    void oldest_post_leaves_out_the_previous_link() {
        navigate(OLDEST, PostView.class);

        var nav = find(Nav.class).withAttribute("aria-label", "Post navigation").single();
        assertThat(find(Anchor.class, nav).withAttribute("rel", "prev").exists())
                .isFalse();
        assertThat(find(Anchor.class, nav).withAttribute("rel", "next").single().getHref())
                .isEqualTo("/2008/04/iran-nowruz-ends-and-tehran-goes-back-to-work");
    }

    @Test
    void newest_post_leaves_out_the_next_link() {
        navigate(NEWEST, PostView.class);

        var nav = find(Nav.class).withAttribute("aria-label", "Post navigation").single();
        assertThat(find(Anchor.class, nav).withAttribute("rel", "next").exists())
                .isFalse();
        assertThat(find(Anchor.class, nav).withAttribute("rel", "prev").single().getHref())
                .isEqualTo("/2008/04/israel-spring-in-jerusalems-old-city");
    }

    @Test
    void unknown_slug_shows_page_not_found() {
        navigate("2008/04/no-such-post", NotFoundView.class);

        assertThat(find(H1.class).single().getText()).isEqualTo("Page not found");
        assertThat(UI.getCurrent().getInternals().getTitle()).startsWith("Page not found");
    }

    @Test
    void right_slug_in_the_wrong_month_shows_page_not_found() {
        navigate("2008/05/iraq-us-and-irans-talk-about-talks-continues", NotFoundView.class);

        assertThat(find(H1.class).single().getText()).isEqualTo("Page not found");
    }
}
