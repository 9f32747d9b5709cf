"""A note's Markdown as the window shows it: the markers read, everything else shown as typed, nothing linked."""

from __future__ import annotations

from desktop.text.notes_markdown import note_html


def test_paragraphs_bold_italic_and_code():
    html = note_html("First **strong** and *soft* and _also_.\nSame paragraph.\n\nSecond with `x < 2`.")
    assert html == (
        "<p>First <b>strong</b> and <i>soft</i> and <i>also</i>.<br>Same paragraph.</p>"
        "<p>Second with <code>x &lt; 2</code>.</p>"
    )


def test_html_in_a_note_is_shown_as_text():
    html = note_html('<img src="http://example.org/x.png"> <b>not bold</b> & <script>alert(1)</script>')
    assert "<img" not in html and "<script" not in html and "<b>not" not in html
    assert "&lt;img src=&quot;http://example.org/x.png&quot;&gt;" in html
    assert "&amp;" in html


def test_links_and_images_are_text_never_links():
    html = note_html("See [the source](https://example.org/report) and ![chart](file:///etc/passwd)")
    assert "<a" not in html and "<img" not in html and "href" not in html
    assert "the source (https://example.org/report)" in html
    assert "chart (file:///etc/passwd)" in html


def test_markers_inside_code_stay_literal():
    assert note_html("`**raw**`") == "<p><code>**raw**</code></p>"


def test_bulleted_and_numbered_lists():
    html = note_html("Plan:\n- check the **2023** figure\n- ask\n  the office\n\n1. one\n2. two")
    assert html == (
        "<p>Plan:</p><ul><li>check the <b>2023</b> figure</li><li>ask<br>the office</li></ul>"
        "<ol><li>one</li><li>two</li></ol>"
    )


def test_a_heading_is_a_bold_paragraph_and_lone_stars_stay():
    assert note_html("## Why\n2 * 3 = 6") == "<p><b>Why</b></p><p>2 * 3 = 6</p>"


def test_an_empty_note_is_empty():
    assert note_html("") == "" and note_html("\n\n  \n") == ""
