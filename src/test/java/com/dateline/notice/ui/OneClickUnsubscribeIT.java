package com.dateline.notice.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.dateline.account.AccountService;
import com.dateline.account.Registration;
import com.dateline.notice.NoticeChoice;
import com.dateline.notice.NoticeChoices;
import com.dateline.notice.NoticeService;
import com.dateline.support.SignIn;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * RFC 8058 as a mail program does it: a POST of {@code List-Unsubscribe=One-Click} to the link in the header, with no
 * cookie and no CSRF token, stops the notice; the same address opened in a browser is still the page that asks first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OneClickUnsubscribeIT {

    @RegisterExtension
    final SignIn signIn = new SignIn();

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    NoticeService notices;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    private String readerWithReplyNotices() {
        var email = "one-click-" + UUID.randomUUID() + "@example.org";
        var reader = accounts.register(new Registration("Yusuf in Mosul", email, "pomegranates-of-the-tigris"));
        signIn.run(
                email,
                () -> notices.saveMine(new NoticeChoices(
                        NoticeChoice.IMMEDIATELY, NoticeChoice.IMMEDIATELY, NoticeChoice.OFF, false, 20, 60)));
        return "replies."
                + jdbc.sql("select unsubscribe_secret from notice_preference where account_id = ?")
                        .param(reader.id())
                        .query(String.class)
                        .single();
    }

    private HttpResponse<String> post(String path) throws Exception {
        return post(path, "List-Unsubscribe=One-Click");
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String link(String token) {
        return "/unsubscribe?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    @Test
    void a_mail_programs_one_click_post_stops_the_notice_without_a_session() throws Exception {
        var token = readerWithReplyNotices();
        var email = jdbc.sql("select a.email from account a join notice_preference p on p.account_id = a.id"
                        + " where p.unsubscribe_secret = ?")
                .param(token.substring("replies.".length()))
                .query(String.class)
                .single();

        var answer = post(link(token));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Unsubscribed: Replies to my comments");
        var after = signIn.call(email, notices::mine);
        assertThat(after.replies()).isEqualTo(NoticeChoice.OFF);
        assertThat(after.published()).isEqualTo(NoticeChoice.IMMEDIATELY);
        assertThat(post(link(token)).statusCode())
                .as("a second click does no harm")
                .isEqualTo(200);
    }

    @Test
    void the_same_address_opened_in_a_browser_is_the_page_that_asks_first() throws Exception {
        var token = readerWithReplyNotices();

        var page = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + link(token)))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    }

    @Test
    void a_post_with_a_link_that_is_not_ours_is_not_found_and_other_posts_still_need_the_csrf_token() throws Exception {
        assertThat(post(link("replies.guessed")).statusCode()).isEqualTo(404);
        assertThat(post("/").statusCode()).as("the exemption is this one path").isEqualTo(403);
    }
}
