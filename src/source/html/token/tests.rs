//! The tokenizer's parsers, one by one, and whole documents.
use super::*;

fn tokens(text: &str) -> Vec<Token<'_>> {
    Tokens::new(text).collect()
}

#[test]
fn text_stops_at_markup_but_not_at_a_stray_angle() {
    assert_eq!(text("a < b<i>"), Ok(("< b<i>", "a ")));
    assert_eq!(text("< b<i>"), Ok(("<i>", "< b")));
}

#[test]
fn tag_names_end_at_space_slash_or_angle() {
    assert_eq!(tag_name("br/>"), Ok(("/>", "br")));
    assert!(tag_name("3>").is_err());
}

#[test]
fn attribute_names_stop_at_equals() {
    assert_eq!(attribute_name("alt=x"), Ok(("=x", "alt")));
}

#[test]
fn attribute_values_may_be_quoted_with_angles_or_unquoted() {
    assert_eq!(attribute_value("\"a>b\" x"), Ok((" x", "a>b")));
    assert_eq!(attribute_value("'a\"b'>"), Ok((">", "a\"b")));
    assert_eq!(attribute_value("a/b>"), Ok((">", "a/b")));
    assert_eq!(attribute_value("\"open"), Ok(("", "open")));
}

#[test]
fn an_attribute_is_a_name_and_an_optional_value() {
    assert_eq!(attribute("href = 'x' y"), Ok((" y", ())));
}

#[test]
fn attributes_skip_stray_slashes() {
    assert_eq!(attributes(" a=1 / b c=\">\"/>"), Ok(("/>", ())));
}

#[test]
fn tag_ends_say_whether_the_tag_closes_itself() {
    assert_eq!(tag_end(" />x"), Ok(("x", true)));
    assert_eq!(tag_end(">x"), Ok(("x", false)));
    assert_eq!(tag_end(""), Ok(("", false)));
}

#[test]
fn start_tags_read_any_attributes() {
    assert_eq!(
        start_tag("<IMG alt=\"a > b\" src=\"x.png\"/>."),
        Ok((".", ("IMG", true)))
    );
    assert_eq!(start_tag("<p class=x>"), Ok(("", ("p", false))));
    // Unquoted, a value takes the slash: `src=x/>` is not self-closing.
    assert_eq!(start_tag("<a href=x/>"), Ok(("", ("a", false))));
    assert!(start_tag("<3").is_err());
}

#[test]
fn end_tags_give_their_names() {
    assert_eq!(end_tag("</P >x"), Ok(("x", "P")));
}

#[test]
fn comments_give_their_inside_closed_or_not() {
    assert_eq!(comment("<!-- a -- b -->x"), Ok(("x", " a -- b ")));
    assert_eq!(comment("<!-- a --!>x"), Ok(("x", " a ")));
    assert_eq!(comment("<!-->x"), Ok(("x", "")));
    assert_eq!(comment("<!-- open"), Ok(("", " open")));
}

#[test]
fn comment_bodies_run_to_the_first_close() {
    assert_eq!(comment_body("a---->b-->"), Ok(("b-->", "a--")));
}

#[test]
fn comments_close_with_or_without_a_bang() {
    assert_eq!(comment_close("--!>x"), Ok(("x", "--!>")));
}

#[test]
fn cdata_runs_to_its_close_or_the_end() {
    assert_eq!(cdata("<![CDATA[a>b]]>x"), Ok(("x", "<![CDATA[a>b]]>")));
    assert_eq!(cdata("<![CDATA[a"), Ok(("", "<![CDATA[a")));
}

#[test]
fn declarations_run_to_the_next_angle() {
    assert_eq!(
        declaration("<!DOCTYPE html>x"),
        Ok(("x", "<!DOCTYPE html>"))
    );
    assert_eq!(declaration("<?xml v?>x"), Ok(("x", "<?xml v?>")));
    assert_eq!(declaration("</ x>y"), Ok(("y", "</ x>")));
}

#[test]
fn raw_text_runs_to_its_own_end_tag() {
    assert_eq!(raw_text("a</b></SCRIPT >x", "script"), "</SCRIPT >x");
    assert_eq!(raw_text("a</scripts></script", "script"), "</script");
    assert_eq!(raw_text("never closed", "script"), "");
}

#[test]
fn closing_names_need_an_end() {
    assert!(closes("style>", "style"));
    assert!(!closes("styles>", "style"));
    assert!(!closes("st", "style"));
}

#[test]
fn a_document_tokenizes_with_offsets() {
    let text = "<p class=\"a\">Hi &amp; bye<br/><!-- c --></p>";
    assert_eq!(
        tokens(text),
        [
            Token::Start {
                name: "p",
                closed: false,
                span: 0..13
            },
            Token::Text(13..25),
            Token::Start {
                name: "br",
                closed: true,
                span: 25..30
            },
            Token::Comment(34..37),
            Token::End {
                name: "p",
                span: 40..44
            },
        ]
    );
}

#[test]
fn script_and_title_contents_are_not_markup() {
    let text = "<title>A <b>&amp;</title><script>if (a<b) x='</p>'</script>";
    let got = tokens(text);
    assert_eq!(got[1], Token::Text(7..17));
    assert_eq!(got[4], Token::Raw(33..50));
    assert!(matches!(got[5], Token::End { name: "script", .. }));
    assert_eq!(tokens("<script></script>").len(), 2);
    assert_eq!(tokens("<style>a{}").last(), Some(&Token::Raw(7..10)));
}

#[test]
fn unclosed_tags_and_comments_run_to_the_end() {
    assert_eq!(tokens("a <!-- b").last(), Some(&Token::Comment(6..8)));
    assert!(matches!(
        tokens("a <img alt=\"b <i>c").last(),
        Some(Token::Start { name: "img", .. })
    ));
}
