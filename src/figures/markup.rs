//! Markup: the parts of a text where numbers are addresses, not measures. URLs
//! (`https://…`, `www.…`, `site.com/page?q=30%25`), e-mail addresses, hashtags and handles
//! (`#Vote2016`, `@Fred_945`), HTML/XML tags (`<tweet tweet-id="7834…">`) and character
//! entities (`&#8217;`).
//!
//! [`masked`] returns their byte ranges; `rules.rs` starts no figure inside one.

/// Byte ranges of `text` that hold URLs, e-mail addresses, hashtags, handles, tags or entities,
/// in order and non-overlapping.
pub fn masked(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let b = text.as_bytes();
    // Tags and entities first: they may hold spaces (`<a href="…" class="x">`).
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'<' && b.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/' || *c == b'!') {
            if let Some(len) = text[i..].find('>').filter(|&n| n < 400 && !text[i..i + n].contains('\n')) {
                out.push((i, i + len + 1));
                i += len + 1;
                continue;
            }
        }
        if b[i] == b'&' {
            let rest = &b[i + 1..];
            let n = rest.iter().take(10).take_while(|c| c.is_ascii_alphanumeric() || **c == b'#').count();
            if n > 0 && rest.get(n) == Some(&b';') {
                out.push((i, i + n + 2));
                i += n + 2;
                continue;
            }
        }
        i += 1;
    }
    // Then whitespace-separated chunks that are addresses.
    let mut start = None;
    for (k, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                if is_address(&text[s..k]) {
                    out.push((s, k));
                }
            }
        } else if start.is_none() {
            start = Some(k);
        }
    }
    out.sort_unstable();
    // Merge overlaps (a tag inside a URL chunk).
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(out.len());
    for (s, e) in out {
        match merged.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

const TLDS: &[&str] =
    &[".com", ".org", ".net", ".gov", ".edu", ".io", ".co", ".uk", ".int", ".info", ".ly", ".me", ".tv", ".us"];

/// True for a chunk that is a URL, an e-mail address, a hashtag, a handle or percent-encoded text.
fn is_address(chunk: &str) -> bool {
    // Opening punctuation does not hide an address: `(https://…)`, `“@user`.
    let c = chunk.trim_start_matches(|ch: char| !ch.is_alphanumeric() && ch != '#' && ch != '@');
    let lower = c.to_ascii_lowercase();
    if lower.contains("://") || lower.starts_with("www.") {
        return true;
    }
    if let Some(rest) = c.strip_prefix('#').or_else(|| c.strip_prefix('@')) {
        return rest.chars().next().is_some_and(|ch| ch.is_alphanumeric() || ch == '_');
    }
    if let Some(at) = c.find('@') {
        if at > 0 && c[at + 1..].contains('.') && c[at + 1..].chars().next().is_some_and(char::is_alphanumeric) {
            return true;
        }
    }
    // Query strings and percent-encoding: `page?q=30%25%2020%`.
    if c.contains('?') && c.contains('=') {
        return true;
    }
    let bytes = c.as_bytes();
    if bytes.windows(3).any(|w| w[0] == b'%' && w[1].is_ascii_hexdigit() && w[2].is_ascii_hexdigit())
        && bytes.windows(3).filter(|w| w[0] == b'%').count() >= 2
    {
        return true;
    }
    // A bare domain with a path: `example.com/2016/report`.
    TLDS.iter().any(|t| lower.contains(&format!("{t}/")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(s: &str) -> Vec<&str> {
        masked(s).into_iter().map(|(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn finds_addresses_and_markup() {
        assert_eq!(spans("see https://x.com/a?id=30 now"), ["https://x.com/a?id=30"]);
        assert_eq!(spans("go to www.site.org/2016"), ["www.site.org/2016"]);
        assert_eq!(spans("mail john5@example.com."), ["john5@example.com."]);
        assert_eq!(spans("#Vote2016 and @Fred_945."), ["#Vote2016", "@Fred_945."]);
        assert_eq!(spans("search?q=30%25%2020%"), ["search?q=30%25%2020%"]);
        assert_eq!(spans("<tweet tweet-id=\"783\"><tweet/>."), ["<tweet tweet-id=\"783\">", "<tweet/>"]);
        assert_eq!(spans("it&#8217;s 5"), ["&#8217;"]);
    }

    #[test]
    fn leaves_prose_alone() {
        assert!(masked("30% of 5 < 10 and 100 > 20, #5 seed, 50%-60%")
            .iter()
            .all(|&(a, b)| &"30% of 5 < 10 and 100 > 20, #5 seed, 50%-60%"[a..b] == "#5"));
        assert!(masked("The 3.5% rise, e.g. in U.S. sales, cost $5 (about €4).").is_empty());
    }
}
