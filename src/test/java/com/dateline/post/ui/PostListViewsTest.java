package com.dateline.post.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.base.ui.NotFoundView;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class PostListViewsTest extends SpringBrowserlessTest {

    @Test
    void home_lists_the_newest_post_first_with_kicker_title_and_excerpt() {
        navigate(HomeView.class);

        var headlines = find(H2.class).all().stream()
                .map(h2 -> h2.getElement().getTextRecursively())
                .toList();
        assertThat(headlines)
                .containsExactly(
                        "IRAQ: Baghdad's booksellers return to Mutanabbi Street",
                        "ISRAEL: Spring in Jerusalem's Old City",
                        "IRAQ: U.S. and Iran's talk about talks continues",
                        "IRAN: Nowruz ends and Tehran goes back to work",
                        "LEBANON: A week of waiting in Beirut");
        var seedCard = find(Article.class).all().stream()
                .map(card -> card.getElement().getTextRecursively())
                .filter(text -> text.contains("U.S. and Iran's talk"))
                .findFirst();
        assertThat(seedCard)
                .hasValueSatisfying(text -> assertThat(text).contains("April 7, 2008 | 9:58 am", "Think of Iran"));
    }

    @Test
    void a_page_past_the_last_post_says_so_instead_of_failing() {
        navigate(HomeView.class);
        UI.getCurrent().navigate("", QueryParameters.of("page", "7"));

        assertThat(find(Article.class).exists()).isFalse();
        assertThat(getCurrentView().getElement().getTextRecursively()).contains("There are no posts on this page.");
    }

    @Test
    void category_page_lists_only_its_posts() {
        navigate("category/iraq", CategoryView.class);

        assertThat(find(H1.class).single().getText()).isEqualTo("Iraq");
        assertThat(find(H2.class).all())
                .hasSize(2)
                .allSatisfy(
                        h2 -> assertThat(h2.getElement().getTextRecursively()).startsWith("IRAQ:"));
    }

    @Test
    void unknown_category_shows_page_not_found() {
        navigate("category/atlantis", NotFoundView.class);

        assertThat(find(H1.class).single().getText()).isEqualTo("Page not found");
    }
}
