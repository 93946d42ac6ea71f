//! Segmentation: paragraphs and sentences with byte spans into the original text, no
//! normalisation. A paragraph is a line (scraped news puts one paragraph per line, with or
//! without blank lines between). Paragraphs that repeat an earlier one verbatim (captions
//! printed three times) and boilerplate (sign-ups, comment policies, "Read next" teaser blocks,
//! navigation) are kept but marked `extract = false`. Hands on `doc::Paragraph` and
//! `doc::Sentence` to NER, quotes and figures.

use crate::doc::{Paragraph, Sentence};
use crate::span::Span;
use std::collections::HashSet;

/// Phrases that mark a whole paragraph as site furniture rather than article text, wherever
/// they stand.
const BOILERPLATE: &[&str] = &[
    "privacy policy",
    "we don’t spam",
    "we don't spam",
    "comments are moderated",
    "comments faq",
    "leave the first comment",
    "leave a comment",
    "what is your opinion",
    "already a subscriber",
    "originally published on",
    "check out more of their content",
    "logo-favicon",
    "all rights reserved",
    "cookie policy",
    "cookie settings",
    "use cookies",
    "accept cookies",
    "accept all cookies",
    "share this article",
    "download our app",
    "as a digital subscriber",
];

/// Phrases that mark site furniture only as an imperative, at the start of a sentence or a
/// bracket or after a comma, `just` or `please` (`For more, sign up for …`, `Subscribe here.`):
/// article prose uses the same words (`Clinton wants to sign up 5 million people`, `Franklin
/// Graham vowed not to buy Girl Scout cookies`, `television advertisements`).
const IMPERATIVE: &[&str] = &["sign up", "subscribe", "click here", "follow us on"];

/// Whole-line navigation words.
const NAVIGATION: &[&str] =
    &["comments", "news", "dismiss", "login", "log in", "menu", "home", "share", "advertisement"];

/// A line that starts a block of links to other stories; the rest of the document is skipped.
const TEASER_HEADINGS: &[&str] = &[
    "read next",
    "read more",
    "related",
    "related stories",
    "more stories",
    "recommended",
    "you may also like",
    "most read",
    "trending",
];

/// The spans of the sentences whose paragraph is extracted from: what the NER model tags (in
/// the pipeline and when the cue head is trained).
pub fn extracted_spans(paragraphs: &[Paragraph], sentences: &[Sentence]) -> Vec<Span> {
    sentences.iter().filter(|s| paragraphs[s.paragraph].extract).map(|s| s.span).collect()
}

/// Splits `text` into paragraphs and sentences.
pub fn segment(text: &str) -> (Vec<Paragraph>, Vec<Sentence>) {
    let mut paragraphs = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut in_teasers = false;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let span = Span::new(offset, offset + line.len()).trim(text);
        offset += line.len();
        if span.is_empty() {
            continue;
        }
        let surface = span.text(text);
        let key: String = surface.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        let lower_trimmed = key.trim_end_matches([':', '.']);
        if TEASER_HEADINGS.contains(&lower_trimmed) {
            in_teasers = true;
        }
        let repeated = !seen.insert(key.clone());
        let boilerplate = in_teasers || is_boilerplate(&key);
        paragraphs.push(Paragraph { span, extract: !repeated && !boilerplate });
    }
    let mut sentences = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        for span in sentences_in(text, p.span) {
            sentences.push(Sentence { span, paragraph: i });
        }
    }
    (paragraphs, sentences)
}

fn is_boilerplate(key: &str) -> bool {
    if NAVIGATION.contains(&key) {
        return true;
    }
    // Long paragraphs that merely mention a newsletter are article text.
    if key.split_whitespace().count() > 40 {
        return false;
    }
    let imperative = |phrase: &str| {
        key.match_indices(phrase).any(|(at, _)| {
            let before = key[..at].trim_end();
            before.is_empty()
                || before.ends_with(['.', '!', '?', '(', ':', ',', ';', '—', '-'])
                || matches!(before.rsplit(' ').next(), Some("just" | "please"))
        })
    };
    BOILERPLATE.iter().any(|b| key.contains(b)) || IMPERATIVE.iter().any(|p| imperative(p))
}

/// Abbreviations that can also end a sentence (`Acme Inc.`); words keep their period.
pub const MAY_END_SENTENCE: &[&str] = &["Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "etc", "Dept", "Univ"];

/// Abbreviations after which a period does not end a sentence.
pub const NEVER_FINAL: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Pres", "Gov", "Sen", "Rep", "Gen", "Lt", "Col", "Sgt", "Capt", "St", "Rev",
    "Hon", "Atty", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "vs",
    "Mt", "Ft", "Supt", "Insp", "Det", "Cmdr", "Adm", "Maj", "Brig", "Amb",
];

/// Words that, capitalised after an abbreviation like `U.S.`, signal a new sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "In",
    "On",
    "At",
    "But",
    "And",
    "This",
    "That",
    "These",
    "Those",
    "His",
    "Her",
    "Their",
    "Its",
    "There",
    "However",
    "Meanwhile",
    "According",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "For",
    "Some",
    "Many",
    "Most",
    "No",
    "Yet",
    "Still",
];

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

/// Sentence spans inside one paragraph span.
pub fn sentences_in(text: &str, para: Span) -> Vec<Span> {
    let s = para.text(text);
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            // Extend over repeated terminators and closing quotes/brackets.
            let mut j = i + 1;
            while j < chars.len() && (matches!(chars[j].1, '.' | '!' | '?') || is_closer(chars[j].1)) {
                j += 1;
            }
            // Must be followed by whitespace, then a sentence opener.
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            if k > j && k < chars.len() && opens_sentence(chars[k].1) && !abbreviation_before(s, pos, c, &chars, k) {
                let end = if j < chars.len() { chars[j].0 } else { s.len() };
                out.push(Span::new(para.start + start, para.start + end).trim(text));
                start = chars[k].0;
                i = k;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    let last = Span::new(para.start + start, para.end).trim(text);
    if !last.is_empty() {
        out.push(last);
    }
    out
}

fn opens_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_numeric() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '—' | '–')
}

/// Letter-dot abbreviations without their final period: `U.S`, `U.N`, `a.m`.
pub fn is_dotted_abbreviation(word: &str) -> bool {
    word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
}

/// A single capital initial without its period (`J` in `Donald J. Trump`).
pub fn is_initial(word: &str) -> bool {
    word.chars().count() == 1 && word.chars().all(char::is_uppercase)
}

/// Is the period at `pos` the end of an abbreviation rather than of the sentence?
fn abbreviation_before(s: &str, pos: usize, c: char, chars: &[(usize, char)], next: usize) -> bool {
    if c != '.' {
        return false;
    }
    let word_start = s[..pos]
        .rfind(|ch: char| ch.is_whitespace() || matches!(ch, '(' | '“' | '"'))
        .map_or(0, |i| i + s[i..].chars().next().unwrap().len_utf8());
    let word = &s[word_start..pos];
    if word.is_empty() {
        return false;
    }
    if NEVER_FINAL.contains(&word) {
        return true;
    }
    if is_initial(word) {
        return true;
    }
    // Dotted abbreviations (`U.S.`, `a.m.`) end a sentence only before a typical opener.
    if is_dotted_abbreviation(word) {
        let rest = &s[chars[next].0..];
        let next_word: String = rest.chars().take_while(|ch| ch.is_alphanumeric()).collect();
        return !SENTENCE_STARTERS.contains(&next_word.as_str());
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        sentences_in(text, Span::new(0, text.len())).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn keeps_abbreviations_inside_sentences() {
        assert_eq!(
            sents("Pres. Donald J. Trump met U.S. officials in Mar. 2025. The deal was signed."),
            ["Pres. Donald J. Trump met U.S. officials in Mar. 2025.", "The deal was signed."]
        );
        assert_eq!(sents("He went to the U.S. The trip was long."), ["He went to the U.S.", "The trip was long."]);
    }

    #[test]
    fn splits_after_closing_quotes_not_inside_question_quotes() {
        assert_eq!(
            sents("“It is over.” Then he left. “Why?” she asked."),
            ["“It is over.”", "Then he left.", "“Why?” she asked."]
        );
    }

    #[test]
    fn handles_nbsp_and_dashes() {
        let t = "Bukele\u{a0}said it — again. “Yes.”\u{a0}Done.";
        assert_eq!(sents(t), ["Bukele\u{a0}said it — again.", "“Yes.”", "Done."]);
    }

    #[test]
    fn sign_up_and_cookie_words_in_article_prose_are_not_boilerplate() {
        // The imperative is site furniture; the same words in reported prose are article text
        // (PolNeAR dev had three such paragraphs dropped, each with an attribution in it).
        let text = "For more, sign up for the What’s Working newsletter.\n\
                    Want this in your inbox? Subscribe here.\n\
                    (Subscribe to the 2016 Nerdcast on iTunes.)\n\
                    We use cookies to improve your experience.\n\
                    Clinton wants to sign up 5 million people, focusing on people under 30.\n\
                    Hillary shot back, “I suppose I could have chosen to bake cookies and have teas.”\n\
                    City Attorney Brad Holm said the advertisement “unmistakably and wrongfully” suggests support.\n\
                    “I don’t subscribe to that theory,” he said.\n";
        let (paras, _) = segment(text);
        let flags: Vec<bool> = paras.iter().map(|p| p.extract).collect();
        assert_eq!(flags, [false, false, false, false, true, true, true, true]);
    }

    #[test]
    fn marks_repeats_boilerplate_and_teasers() {
        let text = "Headline\n\nA caption.\n\nA caption.\n\nBody text here.\nSign up to receive our newsletter.\nRead next\n15:30\nAnother story.\n";
        let (paras, _) = segment(text);
        let flags: Vec<(&str, bool)> = paras.iter().map(|p| (p.span.text(text), p.extract)).collect();
        assert_eq!(
            flags,
            [
                ("Headline", true),
                ("A caption.", true),
                ("A caption.", false),
                ("Body text here.", true),
                ("Sign up to receive our newsletter.", false),
                ("Read next", false),
                ("15:30", false),
                ("Another story.", false)
            ]
        );
    }
}
