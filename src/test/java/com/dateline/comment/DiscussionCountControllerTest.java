package com.dateline.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.dateline.base.ReaderContent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The count an anonymous reader's open page asks for every 20 s, on the web layer alone. Who may ask is the security
 * chain's business (PublicPagesIT asks it signed out, through the whole application); here the controller is alone.
 */
@WebMvcTest(
        useDefaultFilters = false,
        includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = DiscussionCountController.class))
@AutoConfigureMockMvc(addFilters = false)
class DiscussionCountControllerTest {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    CommentService comments;

    @MockitoBean
    ReaderContent readerContent;

    @Test
    void the_count_is_json_that_a_cdn_may_share_for_ten_seconds_with_an_etag() {
        when(readerContent.version()).thenReturn(1L);
        when(comments.publishedCount(7)).thenReturn(12L);

        var answer = mvc.get().uri("/discussions/7.json").exchange();

        assertThat(answer).hasStatusOk().hasHeader("ETag", "\"7-12\"");
        assertThat(answer.getResponse().getHeader("Cache-Control")).contains("public", "max-age=10", "s-maxage=10");
        assertThat(answer).bodyJson().extractingPath("$.published").asNumber().isEqualTo(12);
    }

    @Test
    void a_browser_holding_the_current_count_gets_304_without_a_body() {
        when(readerContent.version()).thenReturn(1L);
        when(comments.publishedCount(7)).thenReturn(12L);

        var answer = mvc.get()
                .uri("/discussions/7.json")
                .header("If-None-Match", "\"7-12\"")
                .exchange();

        assertThat(answer).hasStatus(304).hasHeader("ETag", "\"7-12\"");
        assertThat(answer.getResponse().getContentAsByteArray()).isEmpty();
    }

    @Test
    void the_count_is_read_once_per_version_of_what_readers_see() {
        when(comments.publishedCount(8)).thenReturn(3L, 4L);
        when(readerContent.version()).thenReturn(5L);

        assertThat(mvc.get().uri("/discussions/8.json").exchange()).hasHeader("ETag", "\"8-3\"");
        assertThat(mvc.get().uri("/discussions/8.json").exchange()).hasHeader("ETag", "\"8-3\"");
        verify(comments, times(1)).publishedCount(8);

        when(readerContent.version()).thenReturn(6L);

        assertThat(mvc.get().uri("/discussions/8.json").exchange()).hasHeader("ETag", "\"8-4\"");
        verify(comments, times(2)).publishedCount(8);
    }
}
