//! Within-document canonical names: each mention is linked to the fullest name in the
//! document that it abbreviates. Persons: a mention whose words all occur, in order, in a
//! longer PERSON mention (`Bukele` -> `Nayib Bukele`, `Trump` -> `Donald J. Trump`).
//! Organizations and others: an acronym matching the initials of a longer mention
//! (`ACLU` -> `American Civil Liberties Union`, `IACHR` -> `Inter-American Commission on Human
//! Rights`), an acronym in brackets right after a name (`Terrorism Confinement Centre (CECOT)`),
//! or a shorter name contained in exactly one longer one, unless a possessive marks it as
//! another body (`El Salvador’s Supreme Court` is not the `U.S. Supreme Court`). Generic
//! descriptors before an organization's name are dropped (`NGO Cristosal` -> `Cristosal`).
//! [`relabel`] fixes a label the model gets wrong by CoNLL habit: gangs are organizations.

use crate::doc::EntityLabel;
use crate::span::Span;

/// Words of a name with possessives, NBSP and line breaks normalised away.
pub fn name_words(surface: &str) -> Vec<String> {
    let mut s = surface.replace(['\u{a0}', '\n'], " ");
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(stripped) = s.strip_suffix(suffix) {
            s = stripped.to_string();
            break;
        }
    }
    s.split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '"' | '“' | '”' | '(' | ')')).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Words that describe rather than name an organization when they lead its mention.
const ORG_DESCRIPTORS: &[&str] = &["NGO", "the", "The", "non-profit", "nonprofit", "watchdog"];

/// Name words of a mention; persons lose leading titles (`Pres.`, `Mr.`), organizations
/// leading descriptors.
pub fn mention_words(surface: &str, label: EntityLabel) -> Vec<String> {
    let mut words = name_words(surface);
    if label == EntityLabel::Person {
        let is_title = |w: &str| {
            w.strip_suffix('.').is_some_and(|t| crate::segment::NEVER_FINAL.contains(&t))
                || matches!(w, "President" | "Mr" | "Mrs" | "Ms" | "Dr")
        };
        while words.len() > 1 && is_title(&words[0]) {
            words.remove(0);
        }
    }
    if label == EntityLabel::Org {
        while words.len() > 1 && ORG_DESCRIPTORS.contains(&words[0].as_str()) {
            words.remove(0);
        }
    }
    words
}

/// Mentions followed by one of these words name a criminal organization (`MS-13 gang`).
const GANG_WORDS: &[&str] = &["gang", "gangs", "cartel", "cartels", "militia"];

/// A single capitalised word that reads as a nationality (`Venezuelan`, `Salvadoran`, `Chinese`).
pub fn is_demonym(surface: &str) -> bool {
    let word = surface.trim();
    !word.contains(char::is_whitespace)
        && word.chars().next().is_some_and(char::is_uppercase)
        && ["an", "ese", "ish", "i", "ic"].iter().any(|s| word.ends_with(s))
}

/// Joins PERSON mentions split by the tagger (`Ana` + `María Méndez Dardón`): two person
/// mentions with only a single space between them are one name. Keeps the lower score.
pub fn join_split_names(text: &str, mentions: &mut Vec<(Span, EntityLabel, f32)>) {
    let mut out: Vec<(Span, EntityLabel, f32)> = Vec::with_capacity(mentions.len());
    for &(span, label, score) in mentions.iter() {
        match out.last_mut() {
            Some(prev)
                if prev.1 == EntityLabel::Person
                    && label == EntityLabel::Person
                    && prev.0.end < span.start
                    && &text[prev.0.end..span.start] == " " =>
            {
                prev.0 = Span::new(prev.0.start, span.end);
                prev.2 = prev.2.min(score);
            }
            _ => out.push((span, label, score)),
        }
    }
    *mentions = out;
}

/// Corrects labels by context: a MISC or PERSON mention directly followed by `gang`,
/// `cartel` or `militia` is an organization, unless it is a nationality (`Venezuelan gang`).
pub fn relabel(text: &str, mentions: &mut [(Span, EntityLabel)]) {
    for (span, label) in mentions.iter_mut() {
        if matches!(label, EntityLabel::Misc | EntityLabel::Person) && !is_demonym(span.text(text)) {
            let next: String = text[span.end..].trim_start().chars().take_while(|c| c.is_alphabetic()).collect();
            if GANG_WORDS.contains(&next.to_lowercase().as_str()) {
                *label = EntityLabel::Org;
            }
        }
    }
}

/// Is the mention directly preceded by a possessive (`El Salvador’s Supreme Court`)?
fn after_possessive(text: &str, span: Span) -> bool {
    let before = text[..span.start].trim_end();
    before.ends_with("’s") || before.ends_with("'s") || before.ends_with("s’")
}

/// If `span` is directly followed by `(` + another mention + `)`, that mention's index.
fn bracketed_after(text: &str, span: Span, mentions: &[(Span, EntityLabel)]) -> Option<usize> {
    let rest = &text[span.end..];
    let open = rest.len() - rest.trim_start().len();
    if !rest[open..].starts_with('(') {
        return None;
    }
    let at = span.end + open + 1;
    mentions.iter().position(|(s, _)| s.start == at && text[s.end..].starts_with(')'))
}

/// The display form of a name: its words joined by single spaces.
pub fn clean_name(surface: &str) -> String {
    name_words(surface).join(" ")
}

/// Does the shorter name `short` name the longer `long`? Only as its head (`Supreme Court` of
/// `U.S. Supreme Court`), not after `of` or `and` (`Justice Department and Congress`), or as
/// all but its last word (`Goldman` of `Goldman Sachs`): a word in the middle, or before `of`
/// and the like, names another body (`Congress` is not the `American Congress of
/// Obstetricians`, nor `University` the `University of Texas`, nor the `Senate` its `Senate
/// Armed Services Committee`).
fn names_part(short: &[String], long: &[String]) -> bool {
    let n = short.len();
    let same = |w: &[String]| w.iter().zip(short).all(|(a, b)| a.eq_ignore_ascii_case(b));
    if n == 0 || long.len() <= n {
        return false;
    }
    let head = same(&long[long.len() - n..]) && !is_function_word(&long[long.len() - n - 1]);
    head || (long.len() == n + 1 && same(&long[..n]) && !is_function_word(&long[n]))
}

/// Words that link or introduce the words of a name without being one (`of`, `for`, `the`).
pub fn is_function_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "a", "an", "the", "of", "for", "in", "on", "at", "to", "by", "with", "from", "and", "or", "&", "de", "del",
        "la", "le", "du", "des", "el", "los", "las", "der", "die", "het",
    ];
    WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn is_subsequence(short: &[String], long: &[String]) -> bool {
    let mut it = long.iter();
    short.iter().all(|w| it.any(|l| l.eq_ignore_ascii_case(w)))
}

/// Initials of the capitalised words (and of hyphenated parts: `Inter-American` -> `IA`).
pub fn initials(words: &[String]) -> String {
    words.iter().flat_map(|w| w.split('-')).filter_map(|p| p.chars().next()).filter(|c| c.is_uppercase()).collect()
}

/// Could `acronym` abbreviate `words`? Its first letter starts them and its letters occur in
/// them in order (`CECOT`, `Centro de Confinamiento del Terrorismo`), whatever the case: the
/// check for an acronym introduced beside a name, where a list of bodies (`the FBI, the
/// Justice Department`) reads the same.
fn spells(acronym: &str, words: &[String]) -> bool {
    let full: Vec<char> = words.join(" ").chars().flat_map(char::to_lowercase).collect();
    let mut letters = acronym.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase);
    let Some(first) = letters.next() else { return false };
    if full.first() != Some(&first) {
        return false;
    }
    let mut rest = full[1..].iter();
    letters.all(|c| rest.any(|&f| f == c))
}

pub fn is_acronym(word: &str) -> bool {
    let letters: String = word.chars().filter(|c| *c != '.').collect();
    letters.chars().count() >= 2 && letters.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Canonical names for mentions `(span, label)` of `text`, in the same order.
pub fn canonical_names(text: &str, mentions: &[(Span, EntityLabel)]) -> Vec<String> {
    let names: Vec<Vec<String>> = mentions.iter().map(|(s, l)| mention_words(s.text(text), *l)).collect();
    // `Full Name (ACRONYM)`: the acronym's expansion, whatever its initials.
    let mut expansion: Vec<Option<usize>> = vec![None; mentions.len()];
    for (i, (span, label)) in mentions.iter().enumerate() {
        // `Jaap Stam (PSV)` names a player's club, not the player.
        if let Some(j) = bracketed_after(text, *span, mentions).filter(|&j| mentions[j].1 == *label) {
            if names[j].len() == 1 && is_acronym(&names[j][0]) && names[i].len() > 1 {
                expansion[j] = Some(i);
            }
            // `IRS (Internal Revenue Service)`
            if names[i].len() == 1 && is_acronym(&names[i][0]) && names[j].len() > 1 {
                expansion[i] = Some(j);
            }
        }
        // `IRS, the Internal Revenue Service`
        if let Some((next, _)) = mentions.get(i + 1) {
            let between = text.get(span.end..next.start).unwrap_or("");
            let words: Vec<&str> = between.split_whitespace().collect();
            let apposition = matches!(words.as_slice(), [",", "the" | "or"] | [",", "or", "the"]);
            if apposition
                && mentions[i + 1].1 == *label
                && names[i].len() == 1
                && is_acronym(&names[i][0])
                && names[i + 1].len() > 1
                && spells(&names[i][0], &names[i + 1])
            {
                expansion[i] = Some(i + 1);
            }
        }
    }
    let mut out = Vec::with_capacity(mentions.len());
    for (i, (span, label)) in mentions.iter().enumerate() {
        let me = &names[i];
        let mut best: Option<usize> = None;
        let consider = |j: usize, best: &mut Option<usize>| {
            let longer = names[j].len() > best.map_or(me.len(), |b| names[b].len());
            if longer {
                *best = Some(j);
            }
        };
        match label {
            EntityLabel::Person => {
                for (j, (_, l)) in mentions.iter().enumerate() {
                    if *l == EntityLabel::Person && names[j].len() > me.len() && is_subsequence(me, &names[j]) {
                        consider(j, &mut best);
                    }
                }
            }
            _ => {
                if me.len() == 1 && is_acronym(&me[0]) {
                    // The same acronym expanded in brackets anywhere in the document, else a
                    // longer name whose initials spell it.
                    best = (0..mentions.len()).filter(|&j| names[j] == *me).find_map(|j| expansion[j]);
                    if best.is_none() {
                        let acronym: String = me[0].chars().filter(|c| *c != '.').collect();
                        for (j, (_, l)) in mentions.iter().enumerate() {
                            if l == label && names[j].len() > 1 && initials(&names[j]) == acronym {
                                consider(j, &mut best);
                            }
                        }
                    }
                }
                if best.is_none() && !after_possessive(text, *span) {
                    let mut forms: Vec<&Vec<String>> = Vec::new();
                    let mut first = None;
                    for (j, (_, l)) in mentions.iter().enumerate() {
                        let contains = names[j].len() > me.len()
                            && names[j]
                                .windows(me.len().max(1))
                                .any(|w| w.iter().zip(me).all(|(a, b)| a.eq_ignore_ascii_case(b)));
                        if l == label && contains && !forms.contains(&&names[j]) {
                            forms.push(&names[j]);
                            first.get_or_insert(j);
                        }
                    }
                    // Only an unambiguous expansion (`Supreme Court` inside two courts stays as
                    // is), and only one the shorter name can stand for.
                    if forms.len() == 1 && names_part(me, forms[0]) {
                        best = first;
                    }
                }
            }
        }
        out.push(best.map_or_else(|| me.join(" "), |b| names[b].join(" ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_person_names_are_joined() {
        let text = "said WOLA’s Ana María Méndez Dardón and Bukele Trump";
        let at = |w: &str| {
            let s = text.find(w).unwrap();
            Span::new(s, s + w.len())
        };
        let mut m = vec![
            (at("WOLA"), EntityLabel::Org, 0.9),
            (at("Ana"), EntityLabel::Person, 0.99),
            (at("María Méndez Dardón"), EntityLabel::Person, 0.95),
            (at("Bukele"), EntityLabel::Person, 0.9),
        ];
        join_split_names(text, &mut m);
        let names: Vec<&str> = m.iter().map(|x| x.0.text(text)).collect();
        assert_eq!(names, vec!["WOLA", "Ana María Méndez Dardón", "Bukele"]);
        assert_eq!(m[1].2, 0.95);
        // Separated by more than one space or by punctuation: two mentions.
        let text = "Bukele, Trump";
        let mut m = vec![(Span::new(0, 6), EntityLabel::Person, 0.9), (Span::new(8, 13), EntityLabel::Person, 0.9)];
        join_split_names(text, &mut m);
        assert_eq!(m.len(), 2);
    }

    fn run(text: &str, names: &[(&str, EntityLabel)]) -> Vec<String> {
        let mut mentions = Vec::new();
        let mut from = 0;
        for (n, l) in names {
            let at = from + text[from..].find(n).unwrap();
            mentions.push((Span::new(at, at + n.len()), *l));
            from = at + n.len();
        }
        canonical_names(text, &mentions)
    }

    #[test]
    fn persons_link_to_fullest_name() {
        use EntityLabel::*;
        let text = "Salvadoran President Nayib Bukele met Trump. Bukele’s plan, said Pres. Donald J. Trump.";
        assert_eq!(
            run(
                text,
                &[("Nayib Bukele", Person), ("Trump", Person), ("Bukele’s", Person), ("Pres. Donald J. Trump", Person)]
            ),
            ["Nayib Bukele", "Donald J. Trump", "Nayib Bukele", "Donald J. Trump"]
        );
    }

    #[test]
    fn acronyms_and_unique_expansions() {
        use EntityLabel::*;
        let text = "The American Civil Liberties Union sued. The ACLU said the Inter-American Commission on Human Rights (IACHR) agreed. Cristosal and NGO Cristosal.";
        assert_eq!(
            run(
                text,
                &[
                    ("American Civil Liberties Union", Org),
                    ("ACLU", Org),
                    ("Inter-American Commission on Human Rights", Org),
                    ("IACHR", Org),
                    ("Cristosal", Org),
                    ("NGO Cristosal", Org)
                ]
            ),
            [
                "American Civil Liberties Union",
                "American Civil Liberties Union",
                "Inter-American Commission on Human Rights",
                "Inter-American Commission on Human Rights",
                "Cristosal",
                "Cristosal"
            ]
        );
    }

    #[test]
    fn bracketed_acronym_links_whatever_its_letters() {
        use EntityLabel::*;
        let text = "the Terrorism Confinement Centre (CECOT) is big. CECOT holds 40,000.";
        assert_eq!(
            run(text, &[("Terrorism Confinement Centre", Org), ("CECOT", Org), ("CECOT", Org)]),
            ["Terrorism Confinement Centre", "Terrorism Confinement Centre", "Terrorism Confinement Centre"]
        );
    }

    #[test]
    fn a_word_inside_or_before_of_is_another_body() {
        use EntityLabel::*;
        let text = "the American Congress of Obstetricians wrote to Congress; the Senate Armed Services Committee \
                    and the Senate; Goldman Sachs and Goldman; Justice Department and Congress";
        let names = run(
            text,
            &[
                ("American Congress of Obstetricians", Org),
                ("Congress", Org),
                ("Senate Armed Services Committee", Org),
                ("Senate", Org),
                ("Goldman Sachs", Org),
                ("Goldman", Org),
            ],
        );
        assert_eq!((names[1].as_str(), names[3].as_str(), names[5].as_str()), ("Congress", "Senate", "Goldman Sachs"));
        let text = "the Justice Department and Congress; Congress";
        assert_eq!(run(text, &[("Justice Department and Congress", Org), ("Congress", Org)])[1], "Congress");
    }

    #[test]
    fn acronyms_introduced_before_their_name() {
        use EntityLabel::*;
        let text =
            "the IRS, the Internal Revenue Service, and the FBI, the Justice Department; Jaap Stam (PSV) and PSV";
        let names = run(
            text,
            &[
                ("IRS", Org),
                ("Internal Revenue Service", Org),
                ("FBI", Org),
                ("Justice Department", Org),
                ("Jaap Stam", Person),
                ("PSV", Org),
                ("PSV", Org),
            ],
        );
        assert_eq!(
            (names[0].as_str(), names[2].as_str(), names[6].as_str()),
            ("Internal Revenue Service", "FBI", "PSV")
        );
    }

    #[test]
    fn gangs_become_organizations() {
        let text = "23 MS-13 gang members and the Venezuelan gang";
        let at = text.find("MS-13").unwrap();
        let ven = text.find("Venezuelan").unwrap();
        let mut m = vec![(Span::new(at, at + 5), EntityLabel::Misc), (Span::new(ven, ven + 10), EntityLabel::Misc)];
        relabel(text, &mut m);
        assert_eq!((m[0].1, m[1].1), (EntityLabel::Org, EntityLabel::Misc));
    }

    #[test]
    fn ambiguous_short_name_stays() {
        use EntityLabel::*;
        let text = "the U.S. Supreme Court and El Salvador’s Supreme Court of Justice; the Supreme Court";
        assert_eq!(
            run(text, &[("U.S. Supreme Court", Org), ("Supreme Court of Justice", Org), ("Supreme Court", Org)])[2],
            "Supreme Court"
        );
        let text = "the U.S. Supreme Court ruled; El Salvador’s Supreme Court did not";
        assert_eq!(run(text, &[("U.S. Supreme Court", Org), ("Supreme Court", Org)])[1], "Supreme Court");
    }
}
