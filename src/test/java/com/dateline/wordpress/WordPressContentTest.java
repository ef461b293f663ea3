package com.dateline.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** WordPress content becomes Markdown source: captions kept, images and shortcodes dropped, line breaks kept. */
class WordPressContentTest {

    @Test
    void a_caption_shortcode_keeps_its_text_as_a_figure_and_drops_the_linked_image() {
        var markdown = WordPressContent.toMarkdown("""
                Before.

                [caption id="attachment_55" align="alignright" width="300"]<a href="http://x/big.jpg"><img src="http://x/small.jpg" alt="A tea house" width="300" height="200" /></a> A tea house on the Shatt al-Arab.[/caption]

                After.""");

        assertThat(markdown).isEqualTo("""
                Before.

                <figure><figcaption>A tea house on the Shatt al-Arab.</figcaption></figure>

                After.""");
    }

    @Test
    void an_old_style_caption_attribute_is_used_when_the_shortcode_encloses_only_the_image() {
        var markdown = WordPressContent.toMarkdown(
                "[caption id=\"\" align=\"alignnone\" width=\"200\" caption=\"The old souk\"]<img src=\"x.jpg\" />[/caption]");

        assertThat(markdown).isEqualTo("<figure><figcaption>The old souk</figcaption></figure>");
    }

    @Test
    void images_outside_captions_and_other_shortcodes_go_while_bracketed_words_stay() {
        var markdown = WordPressContent.toMarkdown("""
                <a href="big.jpg"><img src="small.jpg" /></a>The minister [sic] spoke.

                [gallery ids="55,56"]

                [embed]https://video.example.org/1[/embed]

                [1] See the footnote.""");

        assertThat(markdown).isEqualTo("""
                The minister [sic] spoke.

                https://video.example.org/1

                [1] See the footnote.""");
    }

    @Test
    void single_line_breaks_are_kept_and_indentation_never_makes_code_except_in_pre() {
        var markdown = WordPressContent.toMarkdown(
                "Roses are red,\r\n    violets are blue.\n\n        Indented paragraph.\n\n<pre>\n    keep  this\n</pre>");

        assertThat(markdown)
                .isEqualTo(
                        "Roses are red,  \nviolets are blue.\n\nIndented paragraph.\n\n<pre>\n    keep  this\n</pre>");
    }
}
