//! Subject: the noun a figure counts or prices (`238 alleged members` -> `members`,
//! `$6 million deal` -> `deal`, `hundreds of Venezuelans` -> `Venezuelans`,
//! `a public debt of $31bn` -> `debt`). Plain word rules, no tagger: skip a few adjectives
//! and `of the`, take the last word of the noun compound that follows, stop at function
//! words and verbs.

use super::tokens::Tok;

/// Adjectives and participles that sit between a figure and its noun.
const SKIP: &[&str] = &[
    "alleged",
    "suspected",
    "accused",
    "additional",
    "other",
    "more",
    "new",
    "former",
    "so-called",
    "extra",
    "further",
    "estimated",
    "registered",
    "known",
    "reported",
    "confirmed",
    "identified",
    "documented",
    "possible",
    "potential",
    "separate",
    "different",
    "individual",
    "such",
];

/// Words that end the search: prepositions, conjunctions, pronouns, auxiliaries and common verbs.
const STOP: &[&str] = &[
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "with",
    "by",
    "into",
    "onto",
    "over",
    "under",
    "between",
    "among",
    "during",
    "since",
    "until",
    "after",
    "before",
    "per",
    "than",
    "as",
    "about",
    "across",
    "against",
    "through",
    "without",
    "within",
    "around",
    "near",
    "and",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "while",
    "when",
    "where",
    "who",
    "whom",
    "which",
    "that",
    "whose",
    "what",
    "if",
    "because",
    "though",
    "although",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "have",
    "has",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "held",
    "sent",
    "made",
    "paid",
    "given",
    "taken",
    "kept",
    "seen",
    "found",
    "told",
    "said",
    "say",
    "says",
    "put",
    "left",
    "brought",
    "known",
    "shown",
    "built",
    "got",
    "gone",
    "done",
    "won",
    "lost",
    "spent",
    "set",
    "run",
    "cut",
    "let",
    "come",
    "came",
    "went",
    "go",
    "became",
    "become",
    "remain",
    "remains",
    "stand",
    "stands",
    "face",
    "live",
    "lives",
    "work",
    "die",
    "died",
    "each",
    "apiece",
    "ago",
    "later",
    "earlier",
    "old",
    "apart",
    "away",
    "back",
    "too",
    "also",
    "just",
    "only",
    "still",
    "now",
    "then",
    "there",
    "here",
    "not",
    "no",
    "it",
    "they",
    "them",
    "he",
    "she",
    "we",
    "you",
    "i",
    "this",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "the",
    "a",
    "an",
    "mostly",
    "mainly",
    "respectively",
    "annually",
    "a",
    "year",
    "years",
    "day",
    "days",
    "month",
    "months",
    "week",
    "weeks",
    "less",
    "fewer",
    "all",
    "both",
    "out",
    "up",
    "down",
    "off",
    "last",
    "next",
    "every",
    "including",
    "some",
    "many",
    "most",
    "several",
    "few",
    "expires",
    "expire",
    "expired",
    "ends",
    "begins",
    "starts",
    "continues",
    "includes",
    "comes",
    "goes",
    "makes",
    "takes",
    "gets",
    "shows",
    "means",
    "seems",
    "appears",
    "rose",
    "fell",
    "grew",
    "dropped",
    "rises",
    "falls",
    "increased",
    "decreased",
    "according",
    "against",
    "cast",
    "hit",
    "put",
    "quit",
    "like",
    "unlike",
    "via",
    "toward",
    "towards",
    "whereas",
];

/// Determiners skipped after `of` (`137 of the migrants`, `82% of its GDP`).
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that", "these", "those", "all",
    "whom", "which",
];

fn in_list(list: &[&str], t: &Tok) -> bool {
    t.is_word() && list.iter().any(|w| t.is(w))
}

/// A word group: words (and digits) joined by touching hyphens (`MS-13`, `maximum-security`).
struct Group {
    start: usize,
    end: usize,
    /// Token index after the group.
    next: usize,
    words: usize,
    has_digit: bool,
    first: usize,
}

fn group(toks: &[Tok], k: usize) -> Option<Group> {
    let t = toks.get(k)?;
    if !t.is_word() {
        return None;
    }
    let mut g = Group { start: t.start, end: t.end, next: k + 1, words: 1, has_digit: false, first: k };
    while let (Some(d), Some(n)) = (toks.get(g.next), toks.get(g.next + 1)) {
        // Only hyphens join words; an em dash separates clauses (`later—including`).
        if matches!(d.text, "-" | "‑") && d.start == g.end && n.start == d.end && (n.is_word() || n.is_num()) {
            g.end = n.end;
            g.has_digit |= n.is_num();
            g.words += 1;
            g.next += 2;
        } else {
            break;
        }
    }
    Some(g)
}

fn participle(t: &Tok) -> bool {
    let w = t.text.to_ascii_lowercase();
    (w.ends_with("ed") && w.len() >= 4) || (w.ends_with("ing") && w.len() > 4)
}

/// True for a function word or common verb that cannot be a subject.
pub fn is_stop(t: &Tok) -> bool {
    in_list(STOP, t) || in_list(DETERMINERS, t)
}

/// The noun after the figure's last token (`j` is the index after the mention).
///
/// With `of_only`, only `of X` counts (`0.6 square metres of space`), because a noun right after
/// a measure is usually a direction or place (`72 kilometers east`).
pub fn following(text: &str, toks: &[Tok], j: usize, of_only: bool) -> Option<String> {
    let mut k = j;
    if toks.get(k).is_some_and(|t| t.is("of")) {
        k += 1;
        while toks.get(k).is_some_and(|t| in_list(DETERMINERS, t)) {
            k += 1;
        }
    } else if of_only {
        return None;
    }
    let mut head: Option<(usize, usize)> = None;
    let mut first = true;
    let mut taken = 0;
    while let Some(g) = group(toks, k) {
        let t = &toks[g.first];
        let single = g.words == 1;
        if single
            && (in_list(STOP, t)
                || super::numbers::small_word(t.text).is_some()
                || super::numbers::scale_word(t.text).is_some())
        {
            break;
        }
        // Possessives begin a new phrase (`Venezuela's gang`).
        if t.text.ends_with("'s") || t.text.ends_with("’s") {
            break;
        }
        if g.has_digit || (head.is_none() && single && (in_list(SKIP, t) || (first && participle(t)))) {
            // A modifier (`MS-13`, `alleged`, `imprisoned`): keep looking.
            k = g.next;
            first = false;
            continue;
        }
        if single && head.is_some() && participle(t) {
            break;
        }
        head = Some((g.start, g.end));
        taken += 1;
        first = false;
        k = g.next;
        if taken == 4 {
            break;
        }
    }
    head.map(|(s, e)| text[s..e].to_string())
}

/// The noun before `X of` the figure (`a public debt of $31bn` -> `debt`); `i` is the index of
/// the mention's first token.
pub fn preceding(text: &str, toks: &[Tok], i: usize) -> Option<String> {
    if i < 2 || !toks[i - 1].is("of") {
        return None;
    }
    let t = &toks[i - 2];
    if !t.is_word() || in_list(STOP, t) || in_list(SKIP, t) || participle(t) {
        return None;
    }
    // `one of`, `some of` and friends are not nouns.
    if super::numbers::small_word(t.text).is_some() || t.is("some") || t.is("many") || t.is("most") || t.is("part") {
        return None;
    }
    Some(text[t.start..t.end].to_string())
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn after(s: &str) -> Option<String> {
        let toks = tokenize(s);
        following(s, &toks, 0, false)
    }

    #[test]
    fn following_nouns() {
        assert_eq!(after("alleged members of the gang").as_deref(), Some("members"));
        assert_eq!(after("deportee deal with El Salvador").as_deref(), Some("deal"));
        assert_eq!(after("suspected MS-13 gang members and leaders").as_deref(), Some("members"));
        assert_eq!(after("of the accused gang deportees,").as_deref(), Some("deportees"));
        assert_eq!(after("imprisoned Venezuelan citizens").as_deref(), Some("citizens"));
        assert_eq!(after("maximum-security prisons have").as_deref(), Some("prisons"));
        assert_eq!(after("five years later"), None);
        assert_eq!(after("Venezuelans deported in March").as_deref(), Some("Venezuelans"));
        assert_eq!(after("to hold the deportees"), None);
        assert_eq!(after("held at CECOT"), None);
        assert_eq!(after("have no U.S. convictions"), None);
        assert_eq!(after("of its GDP)").as_deref(), Some("GDP"));
    }

    #[test]
    fn preceding_noun() {
        let s = "a public debt of $31bn";
        let toks = tokenize(s);
        assert_eq!(preceding(s, &toks, 4).as_deref(), Some("debt"));
        let s = "one of 5";
        let toks = tokenize(s);
        assert_eq!(preceding(s, &toks, 2), None);
    }
}
