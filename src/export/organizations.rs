//! `organizations.csv`: one row per organization across the corpus, in two steps.
//!
//! 1. Per document ([`document_organizations`], with the text at hand, its result kept in
//!    [`DocRows`](super::DocRows)): the ORG entities become [`OrgMention`]s. Mentions the tagger
//!    split are rejoined (`The` + `New York Times`, `Human Rights in` + `China`); what cannot
//!    be an organization is left out: function words alone, markup (`PfASkm7vah</tweet>`),
//!    fragments ending in `for`, `of`, `and` that nothing completes (`Center for`), names the
//!    same document gives a person (`PENCE` beside `Mike Pence`), and names the document tags
//!    more often as something else (`Salvadoran` once ORG, five times MISC).
//! 2. Across the corpus ([`Organizations`], fed one document's rows at a time in `doc_id`
//!    order, merged when the table is written): names group by a spelling key ([`org_key`]:
//!    case, dots of acronyms, `Centre`/`Center`, `&`/`and`, a leading `the`); a name with a
//!    leading nationality (`Venezuelan Tren de Aragua`) joins the name without it when the
//!    corpus has that; an acronym joins its expansion when a document introduces it
//!    (`Internal Revenue Service (IRS)`, or both in one document with matching initials), else
//!    when exactly one name of the corpus mentioned at least twice has its initials; names the
//!    corpus tags more often as another type are dropped; the user's `--aliases` come first.
//!    The display name is the most frequent full spelling (an acronym only when nothing
//!    else); every other spelling is an alias.
//!
//! Deterministic: the table depends only on the documents' rows and their order.

use super::rows::{EntityRow, OrganizationRow};
use crate::aliases::Aliases;
use crate::doc::Entity;
use crate::labels::EntityLabel;
use crate::ner::canonical::{
    clean_name, initials, is_acronym, is_demonym, is_function_word, mention_words, name_words,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// One organization mention of a document, as the corpus table takes it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OrgMention {
    /// The words as written, single-spaced, split mentions rejoined (`The New York Times`).
    pub form: String,
    /// The fullest name in the document the mention refers to, leading descriptors dropped
    /// (`New York Times`; `Internal Revenue Service` for `IRS` when the document expands it).
    pub name: String,
}

/// Characters and strings that do not occur in a name but do in markup and links.
fn is_markup(surface: &str) -> bool {
    surface.contains(['<', '>', '{', '}', '[', ']', '\\', '|', '@', '#', '='])
        || ["http", "www."].iter().any(|m| surface.to_lowercase().contains(m))
}

/// The organizations of one document, in text order (see the module documentation).
///
/// ```
/// use newsmine::doc::{Entity, EntityLabel};
/// use newsmine::export::organizations::document_organizations;
/// use newsmine::span::Span;
/// let text = "The New York Times and the Center for American Progress.";
/// let e = |s: usize, n: &str, label| Entity { span: Span::new(s, s + n.len()), label, score: 1.0, canonical: n.into() };
/// let entities = [
///     e(0, "The", EntityLabel::Org),
///     e(4, "New York Times", EntityLabel::Org),
///     e(27, "Center for", EntityLabel::Org),
///     e(38, "American Progress", EntityLabel::Org),
/// ];
/// let orgs = document_organizations(text, &entities);
/// assert_eq!((orgs[0].form.as_str(), orgs[0].name.as_str()), ("The New York Times", "New York Times"));
/// assert_eq!(orgs[1].name, "Center for American Progress");
/// ```
pub fn document_organizations(text: &str, entities: &[Entity]) -> Vec<OrgMention> {
    let votes = LabelVotes::of(text, entities);
    let mut out = Vec::new();
    let mut i = 0;
    while i < entities.len() {
        let e = &entities[i];
        i += 1;
        if e.label != EntityLabel::Org || is_markup(e.span.text(text)) {
            continue;
        }
        let mut span = e.span;
        let mut words = name_words(span.text(text));
        let only_function_words = words.iter().all(|w| is_function_word(w));
        // The name the mention continues into, when the tagger split it.
        let mut completed: Option<&Entity> = None;
        while words.last().is_some_and(|w| is_function_word(w)) {
            let Some(next) = entities.get(i) else { break };
            let adjacent = next.span.start > span.end && text[span.end..next.span.start] == *" ";
            // `The` + `New York Times`; `Center for` + `American Progress`. Not `Banc One and`
            // + `First Chicago` (two bodies), nor `Kia Motor Corp of` + `South Korea`.
            let fits = match next.label {
                EntityLabel::Org | EntityLabel::Misc => {
                    !words.last().is_some_and(|w| matches!(w.to_lowercase().as_str(), "and" | "or" | "&"))
                }
                _ => false,
            };
            if !adjacent || !fits || is_markup(next.span.text(text)) {
                break;
            }
            span = crate::span::Span::new(span.start, next.span.end);
            words = name_words(span.text(text));
            completed = Some(next);
            i += 1;
        }
        // A fragment nothing completes: `Banc One and` is `Banc One`, `Center for` nothing.
        while words.last().is_some_and(|w| is_function_word(w)) {
            words.pop();
        }
        let stripped = name_words(span.text(text)).len() != words.len();
        if words.is_empty() || (stripped && words.len() < 2) {
            continue;
        }
        let form = words.join(" ");
        let name = match completed {
            Some(next) if only_function_words && next.label == EntityLabel::Org => next.canonical.clone(),
            Some(_) => mention_words(&form, EntityLabel::Org).join(" "),
            None if stripped => form.clone(),
            None => e.canonical.clone(),
        };
        if !votes.is_org(&form) || (words.len() == 1 && common_word(text, &words[0])) {
            continue;
        }
        out.push(OrgMention { form, name });
    }
    out
}

/// Is `word` (one capitalised word tagged ORG) a common word of the document: written in
/// lowercase at least as often as capitalised inside sentences (`Federal` beside `federal
/// budget`, `National`, `Retired`)? Names are not written in lowercase (`Apple`, `Senate`).
fn common_word(text: &str, word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else { return false };
    if !first.is_uppercase() || !chars.clone().any(char::is_lowercase) {
        return false;
    }
    let lower = word.to_lowercase();
    let (mut lowercase, mut capitalised) = (0, 0);
    let mut previous = "";
    for token in text.split_whitespace() {
        let bare = token.trim_matches(|c: char| !c.is_alphanumeric());
        let sentence_start = previous.is_empty() || previous.ends_with(['.', '!', '?', ':', '"', '“']);
        if bare == lower {
            lowercase += 1;
        } else if bare == word && !sentence_start {
            capitalised += 1;
        }
        previous = token;
    }
    lowercase > 0 && lowercase >= capitalised
}

/// Mentions per label of each spelling key in a document. A person's surname alone votes
/// PERSON for every mention of the full name (`PENCE` beside `Mike Pence` and `Pence`).
/// Headlines and datelines (long words in capitals: `BALTIMORE 1996-08-27`) do not vote. A
/// surname in capitals is a person whatever the votes: transcripts name speakers so
/// (`PENCE:` beside `Mike Pence`).
struct LabelVotes {
    votes: HashMap<String, [usize; 4]>,
    surnames: HashSet<String>,
    /// The last word of every PERSON mention, with the mention's key: a two-word ORG ending in
    /// the last word of another person's mention is a first and last name (`Neera Tanden`
    /// beside `Ms. Tanden`).
    last_words: HashMap<String, HashSet<String>>,
}

fn label_index(label: EntityLabel) -> usize {
    EntityLabel::ALL.iter().position(|l| *l == label).expect("one of ALL")
}

impl LabelVotes {
    fn of(text: &str, entities: &[Entity]) -> LabelVotes {
        let mut votes: HashMap<String, [usize; 4]> = HashMap::new();
        let (mut surnames, mut last_words) = (HashSet::new(), HashMap::<String, HashSet<String>>::new());
        for e in entities {
            if e.label == EntityLabel::Person {
                if let Some(last) = name_words(e.span.text(text)).last() {
                    last_words.entry(org_key(last)).or_default().insert(org_key(e.span.text(text)));
                }
            }
            let surface = e.span.text(text);
            let shouting =
                surface.chars().filter(|c| c.is_alphabetic()).count() > 5 && !surface.chars().any(char::is_lowercase);
            if shouting {
                continue;
            }
            let mut keys = BTreeSet::from([org_key(surface)]);
            if e.label == EntityLabel::Person {
                let words = name_words(&e.canonical);
                if words.len() > 1 {
                    keys.insert(org_key(&words[words.len() - 1]));
                    surnames.insert(org_key(&words[words.len() - 1]));
                }
            }
            for k in keys {
                votes.entry(k).or_default()[label_index(e.label)] += 1;
            }
        }
        LabelVotes { votes, surnames, last_words }
    }

    /// Is `name` an organization by the document's votes? Not when another label has more
    /// mentions, nor, for a name of two words or more, when PERSON has as many
    /// (`Nelson Renteria` once ORG, once PERSON).
    fn is_org(&self, name: &str) -> bool {
        let key = org_key(name);
        if !name.chars().any(char::is_lowercase) && self.surnames.contains(&key) {
            return false;
        }
        if let [first, last] = key.split(' ').collect::<Vec<_>>().as_slice() {
            if !is_function_word(first)
                && self.last_words.get(*last).is_some_and(|whole| whole.iter().any(|w| *w != key))
            {
                return false;
            }
        }
        self.votes.get(&key).is_none_or(|v| {
            let org = v[label_index(EntityLabel::Org)];
            let person = v[label_index(EntityLabel::Person)];
            EntityLabel::ALL.iter().all(|&l| l == EntityLabel::Org || v[label_index(l)] <= org)
                && !(key.contains(' ') && person > 0 && person >= org && !key.split(' ').any(is_function_word))
        })
    }
}

/// The spelling key names are grouped by: lowercase, acronym dots and possessives dropped,
/// hyphens as spaces, `&` as `and`, British spellings as American (`Centre`, `Labour`,
/// `Organisation`, `Defence`), no leading `the`.
///
/// ```
/// use newsmine::export::organizations::org_key;
/// assert_eq!(org_key("Terrorism Confinement Centre"), org_key("terrorism confinement center"));
/// assert_eq!(org_key("C.I.A."), org_key("CIA"));
/// assert_eq!(org_key("The New York Times"), "new york times");
/// ```
pub fn org_key(name: &str) -> String {
    let mut words: Vec<String> = name_words(name)
        .iter()
        .flat_map(|w| w.split('-').map(str::to_string).collect::<Vec<_>>())
        .map(|w| {
            let w = w.to_lowercase().replace('.', "").replace('&', "and");
            american(&w)
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    words.join(" ")
}

/// A lowercase word in American spelling (only for keys: both spellings must meet).
fn american(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("tre") {
        return format!("{stem}ter");
    }
    if let Some(stem) = w.strip_suffix("isation") {
        return format!("{stem}ization");
    }
    if let Some(stem) = w.strip_suffix("fence") {
        return format!("{stem}fense");
    }
    if w.len() > 5 {
        if let Some(stem) = w.strip_suffix("our") {
            return format!("{stem}or");
        }
    }
    w.to_string()
}

/// An acronym name (`IRS`, `U.N.`), as its capital letters.
fn acronym_letters(name: &str) -> Option<String> {
    let words = name_words(name);
    (words.len() == 1 && is_acronym(&words[0])).then(|| words[0].chars().filter(|c| *c != '.').collect())
}

/// One spelling key's mentions.
#[derive(Debug, Default)]
struct Group {
    /// Spellings of the name with their mentions, in first-seen order.
    names: Vec<(String, usize)>,
    /// Spellings of the mentions, in first-seen order.
    forms: Vec<String>,
    mentions: usize,
    /// Indices into [`Organizations::doc_ids`].
    docs: BTreeSet<usize>,
}

impl Group {
    fn add_name(&mut self, name: &str, n: usize) {
        match self.names.iter_mut().find(|(s, _)| s == name) {
            Some((_, c)) => *c += n,
            None => self.names.push((name.to_string(), n)),
        }
    }

    fn add_form(&mut self, form: &str) {
        if !self.forms.iter().any(|f| f == form) {
            self.forms.push(form.to_string());
        }
    }

    /// The most frequent full spelling (first seen on a tie); an acronym only when there is
    /// nothing else.
    fn display(&self) -> &str {
        let mut best: Option<&(String, usize)> = None;
        for n in &self.names {
            let rank = |x: &(String, usize)| (acronym_letters(&x.0).is_none(), x.1);
            if best.is_none_or(|b| rank(n) > rank(b)) {
                best = Some(n);
            }
        }
        best.map_or("", |b| b.0.as_str())
    }
}

/// `organizations.csv`: the running aggregate (see the module documentation). Rows are sorted
/// by organization (lowercased); `aliases` are the other spellings, sorted, joined with `|`;
/// `doc_ids` in the order the documents came, joined with `;`.
#[derive(Debug, Default)]
pub struct Organizations {
    doc_ids: Vec<String>,
    groups: HashMap<String, Group>,
    /// Mentions per label of every entity name (key) of the corpus.
    labels: HashMap<String, [usize; 4]>,
    /// For an acronym's key, the keys of the names documents expand it to, with how many
    /// documents do.
    expansions: HashMap<String, BTreeMap<String, usize>>,
    aliases: Aliases,
}

impl Organizations {
    /// The aggregate with the user's aliases, which win over its own rules.
    pub fn with_aliases(aliases: Aliases) -> Organizations {
        Organizations { aliases, ..Default::default() }
    }

    /// Adds one document: its entity rows (every label, for the corpus's label votes) and its
    /// organization mentions ([`document_organizations`]).
    pub fn add(&mut self, doc_id: &str, entities: &[EntityRow], organizations: &[OrgMention]) {
        let doc = self.doc_ids.len();
        self.doc_ids.push(doc_id.to_string());
        for e in entities {
            let keys = [org_key(&e.text), org_key(&e.canonical)];
            for k in keys.iter().collect::<BTreeSet<_>>() {
                self.labels.entry(k.clone()).or_default()[label_index(e.label)] += 1;
            }
        }
        let mut expanded: BTreeSet<(String, String)> = BTreeSet::new();
        for o in organizations {
            let key = org_key(&o.name);
            let g = self.groups.entry(key.clone()).or_default();
            g.add_name(&o.name, 1);
            g.add_form(&o.form);
            g.mentions += 1;
            g.docs.insert(doc);
            if let (Some(letters), None) = (acronym_letters(&o.form), acronym_letters(&o.name)) {
                expanded.insert((org_key(&letters), key));
            }
        }
        for (acronym, expansion) in expanded {
            *self.expansions.entry(acronym).or_default().entry(expansion).or_default() += 1;
        }
    }

    /// Is a name of this key not a person's? A name of two words or more that the corpus tags
    /// PERSON more often than ORG is one (`Neera Tanden`). Places and single words are left to
    /// each document's own vote: `Chicago` is a team in the sports pages and `Jordan` a club.
    fn voted_org(&self, key: &str) -> bool {
        !key.contains(' ')
            || self
                .labels
                .get(key)
                .is_none_or(|v| v[label_index(EntityLabel::Person)] <= v[label_index(EntityLabel::Org)])
    }

    /// Does the corpus tag `word` MISC (as nationalities are), and more often than LOC?
    fn nationality(&self, word: &str) -> bool {
        self.labels.get(&org_key(word)).is_some_and(|v| {
            let misc = v[label_index(EntityLabel::Misc)];
            misc > 0 && misc >= v[label_index(EntityLabel::Loc)]
        })
    }

    /// The key each kept group merges into.
    fn merge_targets(&self, keys: &[&String]) -> HashMap<String, String> {
        let kept: HashSet<&str> = keys.iter().map(|k| k.as_str()).collect();
        let mut target: HashMap<String, String> = HashMap::new();
        for &key in keys {
            let g = &self.groups[key];
            let name = g.display();
            let words = name_words(name);
            // `Venezuelan Tren de Aragua` is `Tren de Aragua` when the corpus names that and
            // tags `Venezuelan` MISC (not `Manhattan`, a place).
            if words.len() > 1 && is_demonym(&words[0]) && self.nationality(&words[0]) {
                let rest = org_key(&words[1..].join(" "));
                if kept.contains(rest.as_str()) {
                    target.insert(key.clone(), rest);
                    continue;
                }
            }
            let Some(letters) = acronym_letters(name) else { continue };
            let introduced = self.expansions.get(key).and_then(|e| {
                e.iter().filter(|(k, _)| kept.contains(k.as_str())).max_by_key(|(k, n)| (**n, std::cmp::Reverse(*k)))
            });
            if let Some((expansion, _)) = introduced {
                target.insert(key.clone(), expansion.clone());
                continue;
            }
            let spelled: Vec<&&String> = keys
                .iter()
                .filter(|k| {
                    let other = &self.groups[k.as_str()];
                    other.mentions >= 2 && name_words(other.display()).len() > 1 && {
                        let w = name_words(other.display());
                        initials(&w) == letters
                    }
                })
                .collect();
            if let [only] = spelled.as_slice() {
                target.insert(key.clone(), (**only).clone());
            }
        }
        target
    }

    /// The table, sorted by organization.
    pub fn rows(&self) -> Vec<OrganizationRow> {
        let mut keys: Vec<&String> = self.groups.keys().filter(|k| self.voted_org(k)).collect();
        keys.sort();
        let target = self.merge_targets(&keys);
        // Merges chain (`Palestinian U.N.` -> `U.N.` -> `United Nations`); a cycle stops where
        // it would come back.
        let resolve = |key: &String| -> String {
            let mut seen: HashSet<&String> = HashSet::from([key]);
            let mut k = key;
            while let Some(t) = target.get(k).filter(|t| seen.insert(*t)) {
                k = t;
            }
            k.clone()
        };
        let mut merged: BTreeMap<String, (Option<String>, Vec<&Group>)> = BTreeMap::new();
        for key in &keys {
            let g = &self.groups[key.as_str()];
            let user = g
                .names
                .iter()
                .map(|(n, _)| n.as_str())
                .chain(g.forms.iter().map(String::as_str))
                .find_map(|n| self.aliases.canonical(n));
            let (final_key, display) = match user {
                Some(c) => (org_key(c), Some(c.to_string())),
                None => (resolve(key), None),
            };
            let slot = merged.entry(final_key).or_default();
            if slot.0.is_none() {
                slot.0 = display;
            }
            slot.1.push(g);
        }
        let mut rows: Vec<OrganizationRow> = merged
            .into_values()
            .map(|(user, groups)| {
                let mut all = Group::default();
                for g in &groups {
                    for (n, c) in &g.names {
                        all.add_name(n, *c);
                    }
                    for f in &g.forms {
                        all.add_form(f);
                    }
                    all.mentions += g.mentions;
                    all.docs.extend(g.docs.iter().copied());
                }
                let organization = user.unwrap_or_else(|| all.display().to_string());
                let mut aliases: Vec<String> = all
                    .names
                    .iter()
                    .map(|(n, _)| clean_name(n))
                    .chain(all.forms.iter().cloned())
                    .filter(|a| *a != organization)
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect();
                aliases.sort();
                OrganizationRow {
                    organization,
                    aliases: aliases.join("|"),
                    mentions: all.mentions,
                    documents: all.docs.len(),
                    doc_ids: all.docs.iter().map(|&d| self.doc_ids[d].as_str()).collect::<Vec<_>>().join(";"),
                }
            })
            .collect();
        rows.sort_by(|a, b| {
            (a.organization.to_lowercase(), &a.organization).cmp(&(b.organization.to_lowercase(), &b.organization))
        });
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::canonical::canonical_names;
    use crate::span::Span;

    /// The entities of `text` named in order, with the document's canonical names.
    fn entities(text: &str, names: &[(&str, EntityLabel)]) -> Vec<Entity> {
        let mut pairs = Vec::new();
        let mut from = 0;
        for (n, l) in names {
            let at = from + text[from..].find(n).unwrap_or_else(|| panic!("{n} in {text}"));
            pairs.push((Span::new(at, at + n.len()), *l));
            from = at + n.len();
        }
        let canonical = canonical_names(text, &pairs);
        pairs
            .into_iter()
            .zip(canonical)
            .map(|((span, label), canonical)| Entity { span, label, score: 1.0, canonical })
            .collect()
    }

    fn orgs(text: &str, names: &[(&str, EntityLabel)]) -> Vec<(String, String)> {
        document_organizations(text, &entities(text, names)).into_iter().map(|o| (o.form, o.name)).collect()
    }

    fn pair(form: &str, name: &str) -> (String, String) {
        (form.to_string(), name.to_string())
    }

    /// A document: its id, its text and its entities in order.
    type Doc<'a> = (&'a str, &'a str, &'a [(&'a str, EntityLabel)]);

    /// A corpus of documents through the aggregate.
    fn table(docs: &[Doc], aliases: Aliases) -> Vec<OrganizationRow> {
        let mut o = Organizations::with_aliases(aliases);
        for (id, text, names) in docs {
            let es = entities(text, names);
            let map = crate::span::CharMap::new(text);
            let rows: Vec<EntityRow> =
                es.iter().enumerate().map(|(i, e)| super::super::rows::entity_row(id, i + 1, text, &map, e)).collect();
            o.add(id, &rows, &document_organizations(text, &es));
        }
        o.rows()
    }

    fn names(rows: &[OrganizationRow]) -> Vec<(&str, &str, &str)> {
        rows.iter().map(|r| (r.organization.as_str(), r.aliases.as_str(), r.doc_ids.as_str())).collect()
    }

    use EntityLabel::*;

    #[test]
    fn split_names_are_rejoined_and_the_article_dropped() {
        let text = "The New York Times reported. The Center for American Progress said so.";
        assert_eq!(
            orgs(text, &[("The", Org), ("New York Times", Org), ("Center for", Org), ("American Progress", Org)]),
            [
                pair("The New York Times", "New York Times"),
                pair("Center for American Progress", "Center for American Progress")
            ]
        );
        // A place after `of` or `in` is where the body is, `and` starts another body.
        let text = "Kia Motor Corp of South Korea and Banc One and First Chicago";
        assert_eq!(
            orgs(
                text,
                &[("Kia Motor Corp of", Org), ("South Korea", Loc), ("Banc One and", Org), ("First Chicago", Org)]
            ),
            [
                pair("Kia Motor Corp", "Kia Motor Corp"),
                pair("Banc One", "Banc One"),
                pair("First Chicago", "First Chicago")
            ]
        );
        // Not adjacent: `The` alone is no organization.
        assert_eq!(
            orgs("The, New York Times", &[("The", Org), ("New York Times", Org)]),
            [pair("New York Times", "New York Times")]
        );
    }

    #[test]
    fn fragments_markup_and_function_words_are_left_out() {
        let text = "the Center for. Banc One and Boatmen merged. PfASkm7vah</tweet> The said. \
                    The federal budget, said a Federal spokesman.";
        assert_eq!(
            orgs(
                text,
                &[
                    ("Center for", Org),
                    ("Banc One and", Org),
                    ("Boatmen", Org),
                    ("PfASkm7vah</tweet>", Org),
                    ("The", Org),
                    ("Federal", Org)
                ]
            ),
            [pair("Banc One", "Banc One"), pair("Boatmen", "Boatmen")]
        );
    }

    #[test]
    fn persons_and_names_mostly_tagged_otherwise_are_left_out() {
        let text =
            "Vice President Mike Pence spoke. PENCE said Nelson Renteria of Cristosal and Nelson Renteria agreed. \
                    Salvadoran people, Salvadoran officials and the Salvadoran group.";
        assert_eq!(
            orgs(
                text,
                &[
                    ("Mike Pence", Person),
                    ("PENCE", Org),
                    ("Nelson Renteria", Org),
                    ("Cristosal", Org),
                    ("Nelson Renteria", Person),
                    ("Salvadoran", Misc),
                    ("Salvadoran", Misc),
                    ("Salvadoran", Org),
                ]
            ),
            [pair("Cristosal", "Cristosal")]
        );
        // A newspaper the model also calls a person once stays: `El` is no first name.
        let text = "El Faro reported it. El Faro said so.";
        assert_eq!(orgs(text, &[("El Faro", Org), ("El Faro", Person)]), [pair("El Faro", "El Faro")]);
        let text = "Ms. Tanden spoke, and Neera Tanden said so.";
        assert!(orgs(text, &[("Ms. Tanden", Person), ("Neera Tanden", Org)]).is_empty());
    }

    #[test]
    fn spelling_variants_merge_and_the_most_frequent_full_spelling_shows() {
        let rows = table(
            &[
                (
                    "a",
                    "the Terrorism Confinement Centre and the C.I.A.",
                    &[("Terrorism Confinement Centre", Org), ("C.I.A.", Org)],
                ),
                (
                    "b",
                    "the Terrorism Confinement Center and the CIA",
                    &[("Terrorism Confinement Center", Org), ("CIA", Org)],
                ),
                ("c", "Terrorism Confinement Center said", &[("Terrorism Confinement Center", Org)]),
                ("d", "NGO Cristosal and The New York Times", &[("NGO Cristosal", Org), ("The New York Times", Org)]),
            ],
            Aliases::default(),
        );
        assert_eq!(
            names(&rows),
            [
                ("C.I.A.", "CIA", "a;b"),
                ("Cristosal", "NGO Cristosal", "d"),
                ("New York Times", "The New York Times", "d"),
                ("Terrorism Confinement Center", "Terrorism Confinement Centre", "a;b;c"),
            ]
        );
        assert_eq!(rows[3].mentions, 3);
    }

    #[test]
    fn acronyms_join_expansions_a_document_introduces_or_the_corpus_spells() {
        let rows = table(
            &[
                ("a", "the Internal Revenue Service (IRS) said", &[("Internal Revenue Service", Org), ("IRS", Org)]),
                ("b", "the IRS said", &[("IRS", Org)]),
                ("c", "Russia Today aired it; Russia Today", &[("Russia Today", Org), ("Russia Today", Org)]),
                ("d", "RT aired it and the U.N. met", &[("RT", Org), ("U.N.", Org)]),
                ("e", "the UN said", &[("UN", Org)]),
            ],
            Aliases::default(),
        );
        assert_eq!(
            names(&rows),
            [("Internal Revenue Service", "IRS", "a;b"), ("Russia Today", "RT", "c;d"), ("U.N.", "UN", "d;e"),]
        );
    }

    #[test]
    fn a_word_inside_a_longer_name_is_not_its_alias() {
        let rows = table(
            &[(
                "a",
                "the American Congress of Obstetricians and Gynecologists told Congress",
                &[("American Congress of Obstetricians and Gynecologists", Org), ("Congress", Org)],
            )],
            Aliases::default(),
        );
        assert_eq!(
            names(&rows),
            [("American Congress of Obstetricians and Gynecologists", "", "a"), ("Congress", "", "a")]
        );
    }

    #[test]
    fn a_leading_nationality_goes_when_the_corpus_has_the_name_without_it() {
        let rows = table(
            &[
                (
                    "a",
                    "the Venezuelan Tren de Aragua and the American Civil Liberties Union",
                    &[("Venezuelan Tren de Aragua", Org), ("American Civil Liberties Union", Org)],
                ),
                (
                    "b",
                    "Tren de Aragua and Venezuelan or American voters",
                    &[("Tren de Aragua", Org), ("Venezuelan", Misc), ("American", Misc)],
                ),
            ],
            Aliases::default(),
        );
        assert_eq!(
            names(&rows),
            [("American Civil Liberties Union", "", "a"), ("Tren de Aragua", "Venezuelan Tren de Aragua", "a;b")]
        );
    }

    #[test]
    fn names_the_corpus_tags_mostly_as_persons_are_dropped() {
        let rows = table(
            &[
                ("a", "Neera Tanden said", &[("Neera Tanden", Org)]),
                ("b", "Neera Tanden spoke to Neera Tanden", &[("Neera Tanden", Person), ("Neera Tanden", Person)]),
                ("c", "Cristosal said", &[("Cristosal", Org)]),
            ],
            Aliases::default(),
        );
        assert_eq!(names(&rows), [("Cristosal", "", "c")]);
    }

    #[test]
    fn user_aliases_come_first() {
        let aliases = Aliases::parse("alias,canonical\nRT,RT (Russia Today)\nThe Times,New York Times\n").unwrap();
        let rows = table(
            &[
                ("a", "RT aired it and the New York Times", &[("RT", Org), ("New York Times", Org)]),
                ("b", "The Times", &[("The Times", Org)]),
            ],
            aliases,
        );
        assert_eq!(names(&rows), [("New York Times", "The Times|Times", "a;b"), ("RT (Russia Today)", "RT", "a")]);
    }
}
