//! Input that must neither panic nor take long: deep nesting, unclosed openers by the
//! hundred thousand, a long single line, odd bytes.

use super::read;

#[test]
fn deep_nesting_neither_overflows_nor_slows() {
    let depth = 100_000;
    let text = format!("{}x{}\n\nEnd.", "{{a|".repeat(depth), "}}".repeat(depth));
    assert!(read(&text).prose.trim_end().ends_with("End."));
    for opener in ["{{", "[[a|", "<span>", "<ref>", "{|\n", "<blockquote>"] {
        let open = format!("{}x\n\nEnd.", opener.repeat(depth));
        assert!(read(&open).prose.trim_end().ends_with("End."), "{opener}");
    }
    let closed = format!(
        "{}x{}\n\nEnd.",
        "<div>\n".repeat(depth),
        "</div>".repeat(depth)
    );
    assert!(read(&closed).prose.trim_end().ends_with("End."));
}

#[test]
fn a_long_single_line_reads_in_linear_time() {
    let unit = "The yards at [[Utopia Planitia|the yards]] burned, ''92,000'' died &ndash; {{nowrap|x}} <ref>r</ref> <nowiki>q <span>s {{a|b=c}} ";
    let text = unit.repeat(20_000);
    let started = std::time::Instant::now();
    let r = read(&text);
    assert!(r.blocks.len() > 20_000, "{}", r.blocks.len());
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
}

#[test]
fn odd_bytes_never_panic() {
    for text in [
        "",
        "{",
        "}}",
        "[[",
        "]]",
        "[",
        "<",
        "<!--",
        "<ref",
        "<ref>",
        "</ref>",
        "{|",
        "|}",
        "==",
        "=",
        "''",
        "'''''''",
        "&",
        "&#",
        "é{{é|é=é}}é",
        "{{{{{{{{{{",
        "}}}}}}}}",
        "[[é|]]",
        "[[]]",
        "[[|]]",
        "{{|}}",
        "{{}}",
        "<nowiki>",
        "</nowiki>",
        "\r\n\r\n",
        "{|\n|-\n||\n!!\n|+\n",
        "[http://x",
        "[http://é é]",
        "<ref>{{</ref>}}",
        "<ref><ref>x</ref></ref>",
        " \n  ",
        "\u{feff}é",
        "[[File:é|é|é]]",
        "{{cite}}",
        "{{cite é|title=é}}",
        "==é==",
        "= =",
        "* ",
        "#REDIRECT [[Mars]]",
        "{{a|b=}}",
        "<poem>\n</poem>",
        "|}\n{|",
        "'''''é'''",
        "{{Infobox|label1=|data1=x}}",
    ] {
        let r = read(text);
        let map = r.map.unwrap();
        for b in &r.blocks {
            let span = map.original(b.span.clone());
            assert!(text.get(span.clone()).is_some(), "{text:?} {span:?}");
        }
    }
}

/// Reading time by size, to see that it grows linearly: `cargo test --release --lib
/// wikitext::tests::scaling -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement, not a check"]
fn scaling() {
    let units = [
        "The yards at [[Utopia Planitia|the yards]] burned, ''92,000'' died &ndash; {{nowrap|x}} <ref>r</ref> <nowiki>q <span>s {{a|b=c}} ",
        "{{a|",
        "[[a|",
        "<span>",
        "<ref>",
        "{{",
        "}}",
        "<!--",
        "''",
        "| a || b\n",
        "<nowiki>",
        "[http://x ",
    ];
    for unit in units {
        for mb in [4, 8, 16] {
            let text = unit.repeat(mb * 1_000_000 / unit.len());
            let started = std::time::Instant::now();
            let r = read(&text);
            eprintln!(
                "{unit:?} {mb} MB: {:?} ({} blocks)",
                started.elapsed(),
                r.blocks.len()
            );
        }
    }
}
