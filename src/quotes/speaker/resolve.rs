//! Resolving a speaker mention to the speaker string: the NER entity at the phrase's head
//! (its `canonical` is already the fullest name), else the capitalised run at the head matched
//! against fuller names in the document; pronouns take the most recent compatible speaker or
//! person; unnamed sources keep their describing phrase. Titles and appositives become
//! descriptions. [`History`] remembers the speakers seen, for later pronouns.

use super::people::{People, ADVERBS};
use super::subject::relative_subject;
use super::words::{
    agent_noun, is_in, name_word, plural, DETERMINERS, ORG_NOUNS, ORG_WORDS, PERSON_NOUNS, PRONOUNS, QUANTIFIERS,
    TITLES,
};
use super::Found;
use crate::doc::{Entity, EntityLabel};
use crate::quotes::identity::singular;
use crate::quotes::tokens::Tok;
use crate::quotes::SpeakerType;
use crate::span::Span;

/// A speaker resolved to its name, type and descriptions.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Resolved {
    pub speaker: String,
    pub kind: SpeakerType,
    pub descriptions: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

/// Speakers seen so far in the document, in text order, for pronouns and follow-up quotes,
/// and the document's person names.
#[derive(Debug, Default)]
pub(crate) struct History {
    entries: Vec<(usize, String, SpeakerType)>,
    genders: Vec<(String, Gender)>,
    people: People,
}

impl History {
    pub fn push(&mut self, at: usize, r: &Resolved) {
        if !r.speaker.is_empty() {
            self.entries.push((at, r.speaker.clone(), r.kind));
        }
    }

    /// The gender a name is known by: from an earlier pronoun or honorific in the document,
    /// else from its first name.
    fn gender(&self, name: &str) -> Option<Gender> {
        self.genders.iter().rev().find(|(n, _)| n == name).map(|x| x.1).or_else(|| first_name_gender(name))
    }

    /// Records the document's person names ([`People`]); `quoted` are its quotation runs.
    pub fn learn_people(&mut self, text: &str, entities: &[Entity], quoted: Vec<Span>) {
        self.people = People::new(text, entities, quoted);
    }

    /// Records the genders the document's honorifics show: `Mr. Obama` is male, `Mrs.`, `Ms.`
    /// and `Miss` mark women. `entities` are the document's NER entities.
    pub fn learn_honorifics(&mut self, text: &str, entities: &[Entity]) {
        for e in entities.iter().filter(|e| e.label == EntityLabel::Person) {
            let before = text[..e.span.start].trim_end();
            let word = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
            let Some(gender) = honorific_gender(word) else { continue };
            let name = if e.canonical.is_empty() { e.span.text(text).to_string() } else { e.canonical.clone() };
            self.genders.push((name, gender));
        }
    }
}

/// The gender an honorific marks: `Mr.` a man, `Mrs.`, `Ms.` and `Miss` a woman.
fn honorific_gender(word: &str) -> Option<Gender> {
    match word.trim_end_matches('.').to_lowercase().as_str() {
        "mr" => Some(Gender::Male),
        "mrs" | "ms" | "miss" => Some(Gender::Female),
        _ => None,
    }
}

/// Common English first names by gender, for `he`/`she` (a name's own pronouns in the document
/// win over this list). Hand-made; ambiguous names (`Jordan`, `Taylor`) are left out.
const MALE_NAMES: &[&str] = &[
    "donald", "barack", "bernie", "ted", "marco", "jeb", "john", "chris", "mike", "michael", "ben", "rand", "paul",
    "joe", "joseph", "bill", "william", "george", "james", "jim", "robert", "bob", "david", "richard", "charles",
    "thomas", "tom", "mark", "steven", "steve", "kevin", "brian", "jeff", "jeffrey", "scott", "eric", "tim", "timothy",
    "peter", "harry", "mitch", "lindsey", "rick", "ron", "ronald", "gary", "larry", "frank", "jack", "henry", "andrew",
    "matt", "matthew", "dan", "daniel", "greg", "jason", "justin", "anthony", "tony", "edward", "ed", "nick",
    "vladimir", "xi", "nayib", "jaime", "carlos", "luis", "jose", "juan", "francis", "newt", "reince", "corey", "sean",
    "stephen", "rudy", "rudolph", "martin", "adam", "alan", "roger", "dennis", "jerry", "karl", "kurt", "mitt", "ryan",
    "howard", "lloyd", "marcel", "sam", "samuel", "walter", "phil", "philip", "keith", "jon", "jonathan", "bobby",
    "kenneth", "ken", "doug", "douglas", "patrick", "raymond", "gregory", "bruce", "wayne", "elijah", "cory", "trent",
    "harold", "orrin", "chuck", "lamar", "jared", "eduardo",
];

const FEMALE_NAMES: &[&str] = &[
    "hillary",
    "melania",
    "ivanka",
    "michelle",
    "elizabeth",
    "nancy",
    "sarah",
    "kellyanne",
    "huma",
    "donna",
    "debbie",
    "susan",
    "mary",
    "patricia",
    "jennifer",
    "linda",
    "barbara",
    "margaret",
    "jessica",
    "karen",
    "lisa",
    "betty",
    "dorothy",
    "sandra",
    "ashley",
    "kimberly",
    "emily",
    "carly",
    "megyn",
    "kelly",
    "amy",
    "anna",
    "ana",
    "maria",
    "rachel",
    "laura",
    "julia",
    "julie",
    "katie",
    "kate",
    "catherine",
    "katherine",
    "hope",
    "sheryl",
    "nikki",
    "kirsten",
    "tammy",
    "claire",
    "dianne",
    "diane",
    "janet",
    "angela",
    "theresa",
    "teresa",
    "marine",
    "melanie",
    "karoline",
    "ivania",
    "kamala",
    "tulsi",
    "loretta",
    "madeleine",
    "condoleezza",
    "samantha",
    "jill",
    "chelsea",
    "rosie",
    "gwen",
    "martha",
    "kristen",
    "heather",
    "stephanie",
    "nicole",
    "christine",
    "caroline",
    "joni",
    "jeanne",
    "jane",
    "joan",
    "ann",
    "anne",
    "alicia",
    "abigail",
    "tina",
    "maxine",
    "val",
    "valerie",
    "gina",
    "sally",
    "cecile",
    "ruth",
    "sonia",
    "elena",
    "sheila",
    "brenda",
    "judy",
    "wendy",
];

/// Whether a lower-case first name is a woman's (`Some(true)`), a man's, or not known.
pub(super) fn first_name_female(first: &str) -> Option<bool> {
    first_name_gender(first).map(|g| g == Gender::Female)
}

fn first_name_gender(name: &str) -> Option<Gender> {
    let first = name.split_whitespace().next()?.trim_end_matches('.').to_lowercase();
    if MALE_NAMES.contains(&first.as_str()) {
        Some(Gender::Male)
    } else if FEMALE_NAMES.contains(&first.as_str()) {
        Some(Gender::Female)
    } else {
        None
    }
}

fn strip_determiner(s: &str) -> &str {
    for d in
        ["a ", "an ", "the ", "his ", "her ", "their ", "its ", "A ", "An ", "The ", "His ", "Her ", "Their ", "Its "]
    {
        if let Some(rest) = s.strip_prefix(d) {
            return rest.trim();
        }
    }
    s.trim()
}

fn clean_description(s: &str) -> Option<String> {
    let s = s.trim().trim_end_matches(['’', '\'', ',']).trim_end_matches("’s").trim_end_matches("'s").trim();
    let s = strip_determiner(s);
    // A bare determiner or a conjoined subject (`X and Salvadoran President`) describes no one.
    // `Mr.`, `Ms.` say nothing of a role.
    let bare = honorific_gender(s).is_some()
        || (s.split_whitespace().count() == 1 && is_in(DETERMINERS, &s.to_lowercase()))
        || s.chars().all(|c| c.is_ascii_digit() || c.is_whitespace());
    (!s.is_empty() && !bare && !s.contains(" and ")).then(|| s.to_string())
}

/// Resolves the mention `toks[first..=last]` (with an optional appositive) at its place in `text`.
/// A result that is no source (a pronoun left unresolved, a function word, an adverb) has an
/// empty speaker.
pub(crate) fn resolve(text: &str, entities: &[Entity], history: &mut History, toks: &[Tok], found: Found) -> Resolved {
    let r = resolve_phrase(text, entities, history, toks, found);
    let lower = r.speaker.to_lowercase();
    let no_source = is_in(PRONOUNS, &lower)
        || is_in(NO_SOURCE, &lower)
        || is_in(ADVERBS, &lower)
        || is_in(RELATIVES, &lower)
        || !r.speaker.chars().any(char::is_alphabetic);
    if no_source && !r.speaker.is_empty() {
        return Resolved { speaker: String::new(), ..r };
    }
    r
}

/// Words that, alone, name no source: object and possessive pronouns, bare determiners.
const NO_SOURCE: &[&str] =
    &["him", "her", "them", "us", "me", "his", "its", "their", "our", "my", "your", "the", "a", "an", "this", "these"];

/// Relative pronouns: as a source they name their antecedent.
const RELATIVES: &[&str] = &["who", "whom", "whose", "which", "that"];

fn resolve_phrase(text: &str, entities: &[Entity], history: &mut History, toks: &[Tok], found: Found) -> Resolved {
    // Punctuation does not end a phrase (`the secretary of the economy,`); a comma inside one
    // sets off an appositive (`Dean, a medical doctor`).
    let mut found = found;
    while found.last > found.first && !toks[found.last].is_word {
        found.last -= 1;
    }
    if let Some(c) = (found.first + 1..found.last).find(|&k| toks[k].is(",")) {
        let appositive = found.appositive.or(Some((c + 1, found.last)));
        return resolve_phrase(text, entities, history, toks, Found { first: found.first, last: c - 1, appositive });
    }
    if let Some(r) = relative(text, entities, history, toks, found) {
        return r;
    }
    let found = without_glued_verb(entities, toks, found);
    // `James Pethokoukis of the American Enterprise Institute`: the name before the preposition
    // is the speaker, the rest describes them. An unnamed source keeps its whole phrase (`a
    // spokesman for the buyer`).
    if let Some(k) = preposition_after_name(entities, toks, found) {
        let mut r = resolve_phrase(
            text,
            entities,
            history,
            toks,
            Found { first: found.first, last: k - 1, appositive: found.appositive },
        );
        if let Some(d) = clean_description(&text[toks[k].span.start..toks[found.last].span.end]) {
            r.descriptions.push(d);
        }
        return r;
    }
    let span = found.span(toks);
    let head = &toks[found.last];
    let mut descriptions = Vec::new();
    if let Some((a, b)) = found.appositive {
        if let Some(d) = clean_description(&text[toks[a].span.start..toks[b].span.end]) {
            descriptions.push(d);
        }
    }
    if found.first == found.last && is_in(PRONOUNS, &head.lower) {
        return resolve_pronoun(text, entities, history, &head.lower, span.start);
    }
    // The owner of a speech noun (`his claim that …`).
    let subject_form = match head.lower.as_str() {
        "his" => Some("he"),
        "her" => Some("she"),
        "their" => Some("they"),
        "its" => Some("it"),
        _ => None,
    };
    if let Some(p) = subject_form.filter(|_| found.first == found.last) {
        return resolve_pronoun(text, entities, history, p, span.start);
    }
    if let Some(resolved) = entity_speaker(text, entities, history, span, head, &mut descriptions) {
        return resolved;
    }
    if name_word(head) {
        return named_speaker(text, history, toks, found, descriptions);
    }
    let r = unnamed_speaker(text, toks, found, descriptions);
    titled_person(text, entities, history, toks, found).map_or(r, |name| Resolved {
        speaker: name,
        kind: SpeakerType::Person,
        descriptions: vec![strip_determiner(found.span(toks).text(text)).to_string()],
    })
}

/// `Donald Trump, who proclaimed …`: a source that is a relative pronoun, or opens with one
/// (`who in 2010`), names the antecedent; `many of whom` is the antecedent's too; `others who`
/// is the words before the pronoun. `None` when the phrase holds no relative pronoun there.
fn relative(text: &str, entities: &[Entity], history: &mut History, toks: &[Tok], found: Found) -> Option<Resolved> {
    let rel = |k: usize| matches!(toks[k].lower.as_str(), "who" | "whom" | "whose" | "which");
    let antecedent = |history: &mut History, at: usize| {
        relative_subject(toks, at)
            .filter(|a| a.last < at)
            .map(|a| resolve_phrase(text, entities, history, toks, a))
            .unwrap_or_else(|| Resolved {
                speaker: String::new(),
                kind: SpeakerType::Unknown,
                descriptions: Vec::new(),
            })
    };
    if rel(found.first) {
        return Some(antecedent(history, found.first));
    }
    if !rel(found.last) {
        return None;
    }
    if found.last >= found.first + 2 && toks[found.last - 1].is("of") {
        return Some(antecedent(history, found.first));
    }
    Some(resolve_phrase(text, entities, history, toks, Found { last: found.last - 1, appositive: None, ..found }))
}

/// `Scott bristles`, `Blige sings`: a lower-case word in `-s` right after a person's or body's
/// name (an entity ending right before it, with nothing before the name in the phrase) that is
/// no noun of persons or bodies is a verb the phrase swallowed; the name is the speaker
/// (`Trump supporters` stays a group, `Further details` a description).
fn without_glued_verb(entities: &[Entity], toks: &[Tok], found: Found) -> Found {
    let head = &toks[found.last];
    let named = found.last > found.first
        && entities.iter().any(|e| {
            matches!(e.label, EntityLabel::Person | EntityLabel::Org)
                && e.span.start <= toks[found.first].span.start
                && e.span.end == toks[found.last - 1].span.end
        });
    let noun = |w: &str| is_in(PERSON_NOUNS, w) || is_in(ORG_NOUNS, w) || agent_noun(w);
    let verb = !head.cap && head.is_word && head.lower.ends_with('s') && !noun(&singular(&head.lower));
    if named && verb {
        Found { last: found.last - 1, appositive: None, ..found }
    } else {
        found
    }
}

/// `the president`, `the Republican nominee`: a definite title names the latest person before
/// it whom the text gives that title (`President Barack Obama`, `Republican presidential
/// nominee Donald Trump`, `Sen. Ted Cruz` for `the senator`).
fn titled_person(text: &str, entities: &[Entity], history: &History, toks: &[Tok], found: Found) -> Option<String> {
    let head = &toks[found.last].lower;
    let definite = toks[found.first].is("the")
        && found.last > found.first
        && toks[found.first + 1..found.last].iter().all(|t| t.is_word && !t.is_possessive());
    if !definite || !(is_in(TITLES, head) || is_in(PERSON_NOUNS, head)) || plural(head) {
        return None;
    }
    let short = match head.as_str() {
        "senator" => "sen.",
        "governor" => "gov.",
        "representative" | "congressman" | "congresswoman" => "rep.",
        "president" => "pres.",
        _ => "",
    };
    let at = toks[found.first].span.start;
    entities.iter().rev().filter(|e| e.label == EntityLabel::Person && e.span.end <= at).find_map(|e| {
        let line_start = text[..e.span.start].rfind(['\n', ';']).map_or(0, |i| i + 1);
        let before = text[line_start..e.span.start].to_lowercase();
        // `Vice President Joe Biden` is not `the president`.
        let words: Vec<&str> = before.split_whitespace().rev().take(4).collect();
        let titled = words
            .iter()
            .position(|&w| w == head || w == short)
            .is_some_and(|i| words.get(i + 1).is_none_or(|&w| w != "vice" && w != "vice-"));
        if !titled || !history.people.antecedent(e.span) {
            return None;
        }
        history.people.full_name(e.span.text(text), None)
    })
}

/// The preposition after a name inside the phrase (`James Pethokoukis of the American
/// Enterprise Institute`), unless a title precedes it (`Secretary of State Marco Rubio`) or a
/// person entity follows it.
fn preposition_after_name(entities: &[Entity], toks: &[Tok], found: Found) -> Option<usize> {
    (found.first + 1..found.last).find(|&k| {
        matches!(toks[k].lower.as_str(), "of" | "for" | "at" | "with" | "from")
            && name_word(&toks[k - 1])
            && !is_in(TITLES, &toks[k - 1].lower)
            && !entities.iter().any(|e| {
                e.label == EntityLabel::Person
                    && e.span.start >= toks[k].span.end
                    && e.span.end <= toks[found.last].span.end
            })
    })
}

/// The person or organization entity NER found at the head of the phrase `span`, with the
/// words before it as the first description: a person by the fullest name of the document
/// ([`People::full_name`]), a place as the government speaking for it (ORG). A PERSON mention
/// that does not read as a name (`Scott bristles`) is no entity here.
fn entity_speaker(
    text: &str,
    entities: &[Entity],
    history: &History,
    span: Span,
    head: &Tok,
    descriptions: &mut Vec<String>,
) -> Option<Resolved> {
    let e = entities
        .iter()
        .filter(|e| e.span.overlaps(span) && e.span.end >= head.span.start && e.span.start <= head.span.start)
        .filter(|e| matches!(e.label, EntityLabel::Person | EntityLabel::Org | EntityLabel::Loc))
        .max_by_key(|e| (e.label == EntityLabel::Person, e.label == EntityLabel::Org, e.span.len()))?;
    let speaker = match e.label {
        EntityLabel::Person => {
            let before = text[..e.span.start].trim_end();
            let honorific = before.rsplit(|c: char| c.is_whitespace()).next().and_then(honorific_gender);
            person_name(text, &history.people, e, honorific.map(|g| g == Gender::Female))?
        }
        _ if e.canonical.is_empty() => e.span.text(text).to_string(),
        _ => e.canonical.clone(),
    };
    let kind = if e.label == EntityLabel::Person { SpeakerType::Person } else { SpeakerType::Org };
    if e.span.start > span.start {
        if let Some(d) = clean_description(&text[span.start..e.span.start]) {
            descriptions.insert(0, d);
        }
    }
    Some(Resolved { speaker, kind, descriptions: std::mem::take(descriptions) })
}

/// The name a PERSON entity resolves to: the document's fullest name for it
/// ([`People::full_name`]), or `None` when the mention does not read as a name. A canonical
/// name the document never writes came from outside its text (a caller's recogniser) and is
/// kept when it holds the mention's words.
fn person_name(text: &str, people: &People, e: &Entity, female: Option<bool>) -> Option<String> {
    let full = people.full_name(e.span.text(text), female)?;
    let given = !e.canonical.is_empty() && !people.mentioned(&e.canonical) && e.canonical.len() > full.len();
    Some(if given { e.canonical.clone() } else { full })
}

/// A capitalised head with no entity: the capitalised run at the head, minus titles and
/// possessors, as a person (matched against fuller names), an organization, or a group.
fn named_speaker(text: &str, history: &History, toks: &[Tok], found: Found, mut descriptions: Vec<String>) -> Resolved {
    let head = &toks[found.last];
    let mut name_first = found.last;
    while name_first > found.first && (name_word(&toks[name_first - 1]) || joins(&toks[name_first - 1])) {
        name_first -= 1;
    }
    while name_first < found.last && (is_in(TITLES, &toks[name_first].lower) || joins(&toks[name_first])) {
        name_first += 1;
    }
    // The last title word within the run ends the description (`El Salvador President Bukele`).
    if let Some(t) = (name_first..found.last).rev().find(|&k| is_in(TITLES, &toks[k].lower)) {
        name_first = t + 1;
    }
    let span = found.span(toks);
    let name_span = Span::new(toks[name_first].span.start, head.span.end);
    if name_span.start > span.start {
        if let Some(d) = clean_description(&text[span.start..name_span.start]) {
            descriptions.insert(0, d);
        }
    }
    let name = name_span.text(text);
    let honorific = text[..name_span.start].trim_end().rsplit(char::is_whitespace).next().and_then(honorific_gender);
    let female = honorific.map(|g| g == Gender::Female);
    // Only the part after a possessor names the speaker (`WOLA’s Ana María Méndez Dardón`).
    let own_first = (found.first..=found.last).rev().find(|&k| toks[k].is_possessive()).map_or(found.first, |k| k + 1);
    let is_org = toks[own_first..=found.last].iter().any(|t| t.cap && is_in(ORG_WORDS, &t.lower))
        || (name.len() >= 2 && name.len() <= 6 && name.chars().all(|c| c.is_uppercase() || c == '.' || c == '&'));
    if is_org {
        // The whole capitalised run names an organization (`U.S. State Department`).
        let mut org_first = found.last;
        while org_first > own_first && (name_word(&toks[org_first - 1]) || joins(&toks[org_first - 1])) {
            org_first -= 1;
        }
        let org = &text[toks[org_first].span.start..head.span.end];
        return Resolved { speaker: org.to_string(), kind: SpeakerType::Org, descriptions: Vec::new() };
    }
    // A lone capitalised common noun opening the clause (`Critics argue`) is no name.
    let clause_initial = !toks[..found.first].iter().any(|t| t.is_word);
    if found.first == found.last
        && clause_initial
        && plural(&head.lower)
        && fuller_name(history, name, female).is_none()
    {
        return Resolved { speaker: name.to_string(), kind: SpeakerType::Group, descriptions: Vec::new() };
    }
    // A lone capitalised word the document also writes in lower case (`Perhaps`, `Critic`) or
    // a run that does not read as a name is described, not named.
    let lone = name_first == found.last;
    if lone && history.people.common_word(&head.lower) {
        let r = unnamed_speaker(text, toks, found, descriptions);
        let mut chars = r.speaker.chars();
        let speaker = chars.next().map_or(String::new(), |c| c.to_lowercase().chain(chars).collect());
        return Resolved { speaker, ..r };
    }
    if history.people.full_name(name, None).is_none() {
        return unnamed_speaker(text, toks, found, descriptions);
    }
    let speaker = fuller_name(history, name, female).unwrap_or_else(|| name.to_string());
    Resolved { speaker, kind: SpeakerType::Person, descriptions }
}

/// An unnamed source keeps its describing phrase (`critics`, `a spokesman for the buyer`); its
/// type comes from the head.
fn unnamed_speaker(text: &str, toks: &[Tok], found: Found, descriptions: Vec<String>) -> Resolved {
    let head = &toks[found.last];
    // `19 percent`, `two weeks`: a share or a time is no source; a count before a noun
    // (`20 million experts`, `Nearly eight of 10 voters`) only counts it. `one relative`, `two
    // officials` are descriptions.
    let mut first = found.first;
    while first < found.last
        && (count_word(&toks[first].lower)
            || toks[first].is("of")
            || (small_number(&toks[first].lower) && (toks[first + 1].is("of") || count_word(&toks[first + 1].lower))))
    {
        first += 1;
    }
    // A share of people (`9 percent said`) is a group with no name.
    if count_word(&head.lower) {
        return Resolved { speaker: String::new(), kind: SpeakerType::Group, descriptions };
    }
    if TIMES.contains(&singular(&head.lower).as_str()) || is_in(ADVERBS, &head.lower) {
        return Resolved { speaker: String::new(), kind: SpeakerType::Unknown, descriptions };
    }
    let found = Found { first, ..found };
    let phrase = strip_determiner(found.span(toks).text(text)).to_string();
    let kind = if is_in(ORG_NOUNS, &head.lower) {
        SpeakerType::Org
    } else if plural(&head.lower)
        || toks[found.first..=found.last].iter().any(|t| t.is("and"))
        || (is_in(QUANTIFIERS, &head.lower) && !matches!(head.lower.as_str(), "one" | "another"))
        || (head.lower.ends_with("ed") && toks[found.first].is("those"))
    {
        // `critics`, `Most`, `those surveyed`
        SpeakerType::Group
    } else if is_in(PERSON_NOUNS, &head.lower)
        || agent_noun(&head.lower)
        || matches!(head.lower.as_str(), "one" | "another")
    {
        SpeakerType::Person
    } else {
        SpeakerType::Unknown
    };
    Resolved { speaker: phrase, kind, descriptions }
}

/// Nouns of time: `two weeks said` has no source.
const TIMES: &[&str] = &["second", "minute", "hour", "day", "week", "month", "year", "decade", "time"];

/// A number, a share, a scale word or an approximation before one (`19`, `percent`,
/// `million`, `nearly`).
fn count_word(lower: &str) -> bool {
    lower.chars().next().is_some_and(|c| c.is_ascii_digit())
        || matches!(
            lower,
            "hundred"
                | "hundreds"
                | "thousand"
                | "thousands"
                | "million"
                | "millions"
                | "billion"
                | "dozen"
                | "dozens"
                | "percent"
                | "%"
                | "nearly"
                | "about"
                | "almost"
                | "roughly"
        )
}

/// A number written as a word (`eight` in `eight of 10 voters`).
fn small_number(lower: &str) -> bool {
    matches!(
        lower,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "sixty"
            | "seventy"
            | "eighty"
            | "ninety"
    )
}

fn joins(t: &Tok) -> bool {
    matches!(t.lower.as_str(), "of" | "on" | "for" | "de" | "del" | "la" | "los" | "&")
}

/// The fullest person name in the document for `name` ([`People::full_name`], `female` as an
/// honorific gave it), else the
/// fullest earlier person speaker that ends with its last word.
fn fuller_name(history: &History, name: &str, female: Option<bool>) -> Option<String> {
    let last_word = name.split_whitespace().last()?;
    let from_people = history.people.full_name(name, female).filter(|n| n.len() > name.len());
    from_people.or_else(|| {
        history
            .entries
            .iter()
            .filter(|x| x.2 == SpeakerType::Person)
            .map(|x| x.1.clone())
            .filter(|c| c.split_whitespace().last() == Some(last_word) && c.len() >= name.len())
            .max_by_key(|c| c.len())
    })
}

fn resolve_pronoun(text: &str, entities: &[Entity], history: &mut History, pronoun: &str, at: usize) -> Resolved {
    let unresolved = |kind| Resolved { speaker: String::new(), kind, descriptions: Vec::new() };
    match pronoun {
        "he" | "she" | "i" => {
            let want = match pronoun {
                "he" => Some(Gender::Male),
                "she" => Some(Gender::Female),
                _ => None,
            };
            let from_history =
                history.entries.iter().filter(|x| x.0 < at && x.2 == SpeakerType::Person).map(|x| (x.0, x.1.clone()));
            // Names in quotations and headlines, and mentions that do not read as names, are
            // not what a pronoun after them refers to ([`People::antecedent`]).
            let people = &history.people;
            let from_entities = entities
                .iter()
                .filter(|e| e.label == EntityLabel::Person && e.span.end <= at && people.antecedent(e.span))
                .map(|e| (e.span.end, person_name(text, people, e, None).unwrap_or_default()));
            let mut cands: Vec<(usize, String)> =
                from_history.chain(from_entities).filter(|c| !c.1.is_empty()).collect();
            cands.sort_by_key(|c| c.0);
            let pick = cands
                .iter()
                .rev()
                .find(|c| want.is_none() || history.gender(&c.1).is_none_or(|g| Some(g) == want))
                .map(|c| c.1.clone());
            match pick {
                Some(name) => {
                    if let Some(g) = want {
                        history.genders.push((name.clone(), g));
                    }
                    Resolved { speaker: name, kind: SpeakerType::Person, descriptions: Vec::new() }
                }
                None => unresolved(SpeakerType::Person),
            }
        }
        "they" | "we" => history
            .entries
            .iter()
            .rev()
            .find(|x| x.0 < at && matches!(x.2, SpeakerType::Group | SpeakerType::Org))
            .map(|x| Resolved { speaker: x.1.clone(), kind: x.2, descriptions: Vec::new() })
            .unwrap_or_else(|| unresolved(SpeakerType::Group)),
        // `you` is the reader or the interviewer: no source the text names.
        "you" => unresolved(SpeakerType::Unknown),
        _ => history
            .entries
            .iter()
            .rev()
            .find(|x| x.0 < at && x.2 == SpeakerType::Org)
            .map(|x| (x.1.clone(), x.2))
            .or_else(|| {
                entities
                    .iter()
                    .rev()
                    .find(|e| e.label == EntityLabel::Org && e.span.end <= at)
                    .map(|e| (e.canonical.clone(), SpeakerType::Org))
            })
            .map(|(speaker, kind)| Resolved { speaker, kind, descriptions: Vec::new() })
            .unwrap_or_else(|| unresolved(SpeakerType::Unknown)),
    }
}
