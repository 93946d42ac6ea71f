//! Speaker identity across documents: the `speaker_id` of a resolved speaker, a slug of its
//! normalised name that the same person or body gets in every document where the name agrees.
//!
//! The id is a function of the speaker string and type alone, so `quotes.csv` (streamed one
//! document at a time) and `speakers.csv` agree on it without looking at other documents.
//! Within a document the speaker is already the fullest name of that person
//! ([`super::speaker`]); the id then drops what varies between documents:
//! - names (PERSON and ORG speakers that start with a capital letter): case, diacritics,
//!   possessives, leading titles and honorifics (`Mr.`, `Sen.`, `President`), middle initials
//!   and `Jr.`/`Sr.`, a leading `the`, dots and apostrophes, and hyphens versus spaces:
//!   `Donald J. Trump` and `Donald Trump` are `donald-trump`, `PolitiFact` and `Politifact`
//!   `politifact`;
//! - descriptions (GROUP and UNKNOWN speakers, or lower-case phrases: unnamed sources): case,
//!   determiners and quantifiers (`the`, `many`, `two`, `some of the`), and the grammatical
//!   number of the head noun, written in the plural: `Critic`, `critics` and `many critics`
//!   are `critics`.
//!
//! Whether a speaker is a name or a description is the resolver's call (its type and case):
//! a lone capitalised `Critics` opening a sentence is resolved as a GROUP, not a PERSON.

use crate::labels::SpeakerType;

/// Titles and honorifics dropped before a name (lower case, without the period).
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "president",
    "pres",
    "prof",
    "professor",
    "rev",
    "gen",
    "general",
    "lt",
    "col",
    "sgt",
    "capt",
    "adm",
    "maj",
    "sir",
    "dame",
    "lord",
    "judge",
    "justice",
    "mayor",
    "secretary",
    "minister",
    "chancellor",
    "speaker",
    "the",
];

/// Name suffixes that some mentions of a person carry and others do not.
const SUFFIXES: &[&str] = &["jr", "sr"];

/// Words dropped from the front of a description: they count or point, they do not describe.
const QUANTIFIERS: &[&str] = &[
    "a",
    "an",
    "the",
    "some",
    "many",
    "most",
    "several",
    "few",
    "all",
    "both",
    "other",
    "others",
    "another",
    "any",
    "each",
    "every",
    "more",
    "these",
    "those",
    "this",
    "that",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "of",
    "none",
];

/// Prepositions that end the head of a description (`spokesman for the buyer`).
const PREPOSITIONS: &[&str] = &["of", "for", "at", "with", "from", "in", "on", "to", "by"];

/// The `speaker_id` of a speaker: `""` for no speaker, else a slug (module docs).
///
/// ```
/// use newsmine::labels::SpeakerType;
/// use newsmine::quotes::identity::speaker_id;
/// assert_eq!(speaker_id("Donald J. Trump", SpeakerType::Person), "donald-trump");
/// assert_eq!(speaker_id("Critic", SpeakerType::Group), "critics");
/// assert_eq!(speaker_id("", SpeakerType::Unknown), "");
/// ```
pub fn speaker_id(speaker: &str, kind: SpeakerType) -> String {
    let folded = fold(speaker);
    if is_description(speaker, kind) {
        description_id(&folded)
    } else {
        name_id(&folded)
    }
}

/// Whether a speaker string describes an unnamed source rather than naming one: a GROUP or
/// UNKNOWN speaker, or one that starts in lower case (`spokesman for the buyer`).
pub fn is_description(speaker: &str, kind: SpeakerType) -> bool {
    matches!(kind, SpeakerType::Group | SpeakerType::Unknown)
        || speaker.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| !c.is_uppercase())
}

/// Lower case, Latin diacritics folded (`Castañeda` -> `castaneda`), curly apostrophes straight.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let base = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'ď' | 'đ' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'ğ' => 'g',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
            'ł' | 'ľ' => 'l',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ř' => 'r',
            'ś' | 'š' | 'ş' => 's',
            'ť' | 'ţ' => 't',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ý' | 'ÿ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            '’' | '‘' | '`' | '´' => '\'',
            '\u{a0}' => ' ',
            c => c,
        };
        out.push(base);
    }
    out
}

/// Words of a folded name or description: split at spaces and hyphens (`Holtz-Eakin`,
/// `Holtz Eakin`), a trailing possessive dropped, dots and apostrophes removed (`U.S.` ->
/// `us`, `O'Neill` -> `oneill`), other punctuation a separator.
fn words(folded: &str) -> Vec<String> {
    let s = folded.trim();
    let s = s.strip_suffix("'s").or_else(|| s.strip_suffix('\'')).unwrap_or(s);
    s.split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| w.chars().filter(|c| *c != '.' && *c != '\'').collect::<String>())
        .flat_map(|w| w.split(|c: char| !c.is_alphanumeric()).map(str::to_string).collect::<Vec<_>>())
        .filter(|w| !w.is_empty())
        .collect()
}

fn name_id(folded: &str) -> String {
    let raw: Vec<&str> = folded.split_whitespace().collect();
    // An initial is one letter, with its dot or without (`J.`, `J`); dots go with [`words`].
    let initial = |w: &str| w.trim_end_matches('.').chars().count() == 1;
    let mut kept: Vec<&str> = raw.clone();
    while kept.len() > 1 && TITLES.contains(&kept[0].trim_end_matches('.')) {
        kept.remove(0);
    }
    while kept.len() > 1 && SUFFIXES.contains(&kept[kept.len() - 1].trim_end_matches(['.', ','])) {
        kept.pop();
    }
    // Middle initials go; a name of initials only (`G.K. Butterfield` keeps `gk`) stays.
    let without: Vec<&str> = kept.iter().copied().filter(|w| !initial(w)).collect();
    let kept = if without.is_empty() { kept } else { without };
    words(&kept.join(" ")).join("-")
}

fn description_id(folded: &str) -> String {
    let mut ws = words(folded);
    while ws.len() > 1 && (QUANTIFIERS.contains(&ws[0].as_str()) || ws[0].chars().all(|c| c.is_ascii_digit())) {
        ws.remove(0);
    }
    ws.retain(|w| !matches!(w.as_str(), "a" | "an" | "the"));
    // The head is the word before the first preposition after the first word (`spokesman for
    // the buyer`), else the last.
    let head = ws.iter().skip(1).position(|w| PREPOSITIONS.contains(&w.as_str())).map_or(ws.len(), |p| p + 1) - 1;
    if let Some(h) = ws.get_mut(head) {
        *h = plural(&singular(h));
    }
    ws.join("-")
}

/// The singular of an English noun by its ending (`critics` -> `critic`, `spokesmen` ->
/// `spokesman`, `parties` -> `party`); words that do not look plural are kept.
pub fn singular(w: &str) -> String {
    match w {
        "people" => return "person".into(),
        "children" => return "child".into(),
        "police" | "staff" | "news" | "media" | "data" => return w.into(),
        _ => {}
    }
    if let Some(stem) = w.strip_suffix("men") {
        return format!("{stem}man");
    }
    if let Some(stem) = w.strip_suffix("ies").filter(|s| s.len() >= 2) {
        return format!("{stem}y");
    }
    for ending in ["sses", "xes", "ches", "shes", "zes"] {
        if let Some(stem) = w.strip_suffix(ending) {
            return format!("{stem}{}", &ending[..ending.len() - 2]);
        }
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// The regular plural of a singular noun (`critic` -> `critics`, `spokesman` -> `spokesmen`).
fn plural(w: &str) -> String {
    match w {
        "person" => return "people".into(),
        "child" => return "children".into(),
        "police" | "staff" | "news" | "media" | "data" => return w.into(),
        _ => {}
    }
    if let Some(stem) = w.strip_suffix("man") {
        return format!("{stem}men");
    }
    if let Some(stem) = w.strip_suffix('y').filter(|s| s.chars().last().is_some_and(|c| !"aeiou".contains(c))) {
        return format!("{stem}ies");
    }
    if ["s", "x", "ch", "sh", "z"].iter().any(|e| w.ends_with(e)) {
        return format!("{w}es");
    }
    format!("{w}s")
}

/// How full a spelling of a speaker is, for choosing which variant to show: more words, then
/// more letters (`Donald J. Trump` over `Donald Trump` over `Trump`).
pub fn fullness(speaker: &str) -> (usize, usize) {
    (speaker.split_whitespace().count(), speaker.chars().filter(|c| c.is_alphanumeric()).count())
}

#[cfg(test)]
mod tests {
    use super::*;
    use SpeakerType::*;

    #[test]
    fn name_variants_of_one_person_share_an_id() {
        for name in ["Donald J. Trump", "Donald Trump", "DONALD TRUMP", "Mr. Donald Trump", "Donald Trump’s"] {
            assert_eq!(speaker_id(name, Person), "donald-trump", "{name}");
        }
        assert_eq!(speaker_id("Joseph R. Biden Jr.", Person), "joseph-biden");
        assert_eq!(speaker_id("Jorge Castañeda", Person), "jorge-castaneda");
        assert_eq!(speaker_id("Douglas Holtz-Eakin", Person), speaker_id("Douglas Holtz Eakin", Person));
        assert_eq!(speaker_id("James O’Neill", Person), speaker_id("James O'Neill", Person));
        assert_eq!(speaker_id("G.K. Butterfield", Person), "gk-butterfield");
        // Different people stay apart.
        assert_ne!(speaker_id("Bill Clinton", Person), speaker_id("Hillary Clinton", Person));
        assert_ne!(speaker_id("Trump", Person), speaker_id("Donald Trump", Person));
    }

    #[test]
    fn organization_spellings_share_an_id() {
        assert_eq!(speaker_id("PolitiFact", Org), speaker_id("Politifact", Org));
        assert_eq!(speaker_id("The New York Times", Org), speaker_id("New York Times", Org));
        assert_eq!(speaker_id("U.S. State Department", Org), "us-state-department");
    }

    #[test]
    fn descriptions_are_normalised_in_case_and_number() {
        for d in ["critics", "Critics", "Critic", "many critics", "some of the critics"] {
            assert_eq!(speaker_id(d, Group), "critics", "{d}");
        }
        assert_eq!(speaker_id("a spokesman for the buyer", Person), speaker_id("spokesmen for the buyer", Group));
        assert_eq!(speaker_id("spokesman for the buyer", Person), "spokesmen-for-buyer");
        assert_eq!(speaker_id("the senior official", Person), speaker_id("senior officials", Group));
        assert_eq!(speaker_id("two Democratic speechwriters", Group), "democratic-speechwriters");
        assert_eq!(speaker_id("Many of his supporters", Group), "supporters");
        assert_eq!(speaker_id("by regional news outlets", Group), "by-regional-news-outlets");
    }

    #[test]
    fn singular_and_plural_round_trip() {
        for (s, p) in [("critic", "critics"), ("party", "parties"), ("spokesman", "spokesmen"), ("person", "people")] {
            assert_eq!(singular(p), s);
            assert_eq!(plural(s), p);
        }
        assert_eq!(singular("analysis"), "analysis");
        assert_eq!(singular("boss"), "boss");
    }

    #[test]
    fn fuller_spellings_rank_higher() {
        assert!(fullness("Donald J. Trump") > fullness("Donald Trump"));
        assert!(fullness("Donald Trump") > fullness("Trump"));
    }
}
