//! Every closed set of values the tables carry: entity labels, BIO tags, quote kinds, cue
//! classes, speaker types, figure kinds and qualifiers, document statuses and attribution
//! roles. Each is an enum; its CSV spelling is given once, by serde (`#[serde(rename)]`), and
//! [`as_str`](EntityLabel::as_str) returns the same spelling for messages and reports. No other
//! module compares these values as strings.

use serde::{Deserialize, Serialize};

/// Implements `as_str` (the serde spelling) for a unit-only enum.
macro_rules! spelled {
    ($ty:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $ty {
            /// The CSV spelling (the same as serde's).
            pub fn as_str(&self) -> &'static str {
                match self {
                    $($ty::$variant => $text),+
                }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// The four CoNLL-2003 entity types, named as in the CSV contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub enum EntityLabel {
    #[default]
    #[serde(rename = "PERSON")]
    Person,
    #[serde(rename = "ORG")]
    Org,
    #[serde(rename = "LOC")]
    Loc,
    #[serde(rename = "MISC")]
    Misc,
}

spelled!(EntityLabel { Person => "PERSON", Org => "ORG", Loc => "LOC", Misc => "MISC" });

impl EntityLabel {
    pub const ALL: [EntityLabel; 4] = [EntityLabel::Person, EntityLabel::Org, EntityLabel::Loc, EntityLabel::Misc];

    /// The CoNLL-2003 spelling (`PER`, `ORG`, `LOC`, `MISC`), as in [`BioTag::as_str`] and
    /// CoNLL reports.
    pub fn conll_name(&self) -> &'static str {
        match self {
            EntityLabel::Person => "PER",
            EntityLabel::Org => "ORG",
            EntityLabel::Loc => "LOC",
            EntityLabel::Misc => "MISC",
        }
    }

    /// Parses the CSV names and the CoNLL suffixes (`PER`, `ORG`, `LOC`, `MISC`).
    pub fn parse(s: &str) -> Option<EntityLabel> {
        match s {
            "PERSON" | "PER" => Some(EntityLabel::Person),
            "ORG" => Some(EntityLabel::Org),
            "LOC" => Some(EntityLabel::Loc),
            "MISC" => Some(EntityLabel::Misc),
            _ => None,
        }
    }
}

/// A word's BIO tag: outside a mention, or beginning or inside a mention of a label. The
/// model scores these in the order of [`BioTag::ALL`] (its tag index); CoNLL files spell them
/// `O`, `B-PER`, `I-ORG`, … ([`BioTag::parse`], [`BioTag::as_str`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BioTag {
    O,
    B(EntityLabel),
    I(EntityLabel),
}

impl BioTag {
    /// The model's output order; it must not change once a model is trained.
    pub const ALL: [BioTag; 9] = [
        BioTag::O,
        BioTag::B(EntityLabel::Person),
        BioTag::I(EntityLabel::Person),
        BioTag::B(EntityLabel::Org),
        BioTag::I(EntityLabel::Org),
        BioTag::B(EntityLabel::Loc),
        BioTag::I(EntityLabel::Loc),
        BioTag::B(EntityLabel::Misc),
        BioTag::I(EntityLabel::Misc),
    ];
    /// How many tags the model scores.
    pub const COUNT: usize = BioTag::ALL.len();

    /// The tag's position in [`BioTag::ALL`]: the model's output column.
    pub fn index(self) -> usize {
        // `EntityLabel`'s declaration order is `EntityLabel::ALL`'s, the tags' label order.
        match self {
            BioTag::O => 0,
            BioTag::B(l) => 1 + 2 * l as usize,
            BioTag::I(l) => 2 + 2 * l as usize,
        }
    }

    /// The tag of model output column `index`; `None` past the last.
    pub fn from_index(index: usize) -> Option<BioTag> {
        BioTag::ALL.get(index).copied()
    }

    /// The entity label, `None` for `O`.
    pub fn label(self) -> Option<EntityLabel> {
        match self {
            BioTag::O => None,
            BioTag::B(l) | BioTag::I(l) => Some(l),
        }
    }

    /// The CoNLL spelling: `O`, `B-PER`, `I-ORG`, `B-LOC`, `I-MISC`, …
    pub fn as_str(self) -> &'static str {
        const SPELLING: [&str; BioTag::COUNT] =
            ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];
        SPELLING[self.index()]
    }

    /// One CoNLL tag (`O`, `B-PER`, `I-ORG`; `PERSON` is read as `PER`); `None` for any
    /// other string.
    ///
    /// ```
    /// use newsmine::labels::{BioTag, EntityLabel};
    /// assert_eq!(BioTag::parse("I-ORG"), Some(BioTag::I(EntityLabel::Org)));
    /// assert_eq!(BioTag::parse("B-PER").map(BioTag::as_str), Some("B-PER"));
    /// assert_eq!(BioTag::parse("E-PER"), None);
    /// ```
    pub fn parse(s: &str) -> Option<BioTag> {
        if s == "O" {
            return Some(BioTag::O);
        }
        match s.split_once('-')? {
            ("B", label) => EntityLabel::parse(label).map(BioTag::B),
            ("I", label) => EntityLabel::parse(label).map(BioTag::I),
            _ => None,
        }
    }

    /// A sentence's CoNLL tags as IOB2, the scheme the model is trained and decoded in:
    /// unknown tags read as `O`, and an `I-X` that continues no `X` mention (how IOB1 starts
    /// one) becomes `B-X`. IOB2 sequences come back unchanged.
    ///
    /// ```
    /// use newsmine::labels::BioTag;
    /// let iob1 = BioTag::sequence(&["I-PER", "I-PER", "O", "I-LOC", "B-LOC"]);
    /// let spelled: Vec<&str> = iob1.iter().map(|t| t.as_str()).collect();
    /// assert_eq!(spelled, ["B-PER", "I-PER", "O", "B-LOC", "B-LOC"]);
    /// ```
    pub fn sequence<S: AsRef<str>>(tags: &[S]) -> Vec<BioTag> {
        let mut out: Vec<BioTag> = Vec::with_capacity(tags.len());
        for tag in tags {
            let tag = match BioTag::parse(tag.as_ref()).unwrap_or(BioTag::O) {
                BioTag::I(l) if out.last().and_then(|t| t.label()) != Some(l) => BioTag::B(l),
                t => t,
            };
            out.push(tag);
        }
        out
    }
}

impl std::fmt::Display for BioTag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a quotation is reported: the `kind` column of `quotes.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A whole statement in quotation marks.
    #[default]
    Direct,
    /// Quotation marks around part of a paraphrase.
    Mixed,
    /// Reported speech with no quotation marks.
    Indirect,
}

spelled!(QuoteKind { Direct => "direct", Mixed => "mixed", Indirect => "indirect" });

/// What a quote's cue reports: the `cue_class` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum CueClass {
    /// Saying or writing: `said`, `told`, `according to`, a colon before a quotation.
    #[default]
    Speech,
    /// Thinking, knowing, hoping, finding: `believes that`, `polls show`.
    Belief,
    /// A stance towards an object: `praised X as`, `endorsed X`, `declined to comment`.
    Stance,
    /// A cue outside the lexicon that the learned detector found (`is expected`, `made it
    /// clear`): what it reports is not classified.
    Other,
}

spelled!(CueClass { Speech => "speech", Belief => "belief", Stance => "stance", Other => "other" });

/// What kind of source a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "UPPERCASE")]
pub enum SpeakerType {
    Person,
    Org,
    /// A plural or collective unnamed source (`Critics`, `Family members`).
    Group,
    #[default]
    Unknown,
}

spelled!(SpeakerType { Person => "PERSON", Org => "ORG", Group => "GROUP", Unknown => "UNKNOWN" });

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum FigureKind {
    Money,
    #[default]
    Count,
    Percent,
    Rate,
    Quantity,
    Duration,
}

spelled!(FigureKind {
    Money => "money",
    Count => "count",
    Percent => "percent",
    Rate => "rate",
    Quantity => "quantity",
    Duration => "duration",
});

/// How the text bounds a figure's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    #[default]
    Exact,
    Approx,
    MoreThan,
    LessThan,
    UpTo,
    AtLeast,
    Vague,
}

spelled!(Qualifier {
    Exact => "exact",
    Approx => "approx",
    MoreThan => "more_than",
    LessThan => "less_than",
    UpTo => "up_to",
    AtLeast => "at_least",
    Vague => "vague",
});

/// What became of a document: the `status` column of `documents.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DocStatus {
    /// Every stage ran.
    #[default]
    Ok,
    /// Deliberately not extracted (empty, not English); the reason is in `error`.
    Skipped,
    /// Could not be read or a stage failed; the reason is in `error`.
    Failed,
}

spelled!(DocStatus { Ok => "ok", Skipped => "skipped", Failed => "failed" });

/// A word's part in an attribution, as the role tagger scores it. The discriminant is the
/// column of the tagger's output ([`RoleScores`]), which must not change once a head is trained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Cue = 0,
    Content = 1,
    Source = 2,
}

spelled!(Role { Cue => "cue", Content => "content", Source => "source" });

impl Role {
    /// In the tagger's column order.
    pub const ALL: [Role; 3] = [Role::Cue, Role::Content, Role::Source];
}

/// A word's probabilities of lying in an attribution's cue, content and source, read by
/// [`Role`] (`scores[Role::Source]`).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct RoleScores(pub [f32; 3]);

impl std::ops::Index<Role> for RoleScores {
    type Output = f32;
    fn index(&self, role: Role) -> &f32 {
        &self.0[role as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// serde's spelling (the CSV) and `as_str` agree for every value.
    #[test]
    fn csv_spelling_is_as_str() {
        fn check<T: Serialize>(value: T, text: &str) {
            let mut w = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
            w.serialize([&value]).unwrap();
            assert_eq!(String::from_utf8(w.into_inner().unwrap()).unwrap().trim_end(), text);
        }
        for l in EntityLabel::ALL {
            check(l, l.as_str());
        }
        for k in [QuoteKind::Direct, QuoteKind::Mixed, QuoteKind::Indirect] {
            check(k, k.as_str());
        }
        for c in [CueClass::Speech, CueClass::Belief, CueClass::Stance, CueClass::Other] {
            check(c, c.as_str());
        }
        for t in [SpeakerType::Person, SpeakerType::Org, SpeakerType::Group, SpeakerType::Unknown] {
            check(t, t.as_str());
        }
        for k in [
            FigureKind::Money,
            FigureKind::Count,
            FigureKind::Percent,
            FigureKind::Rate,
            FigureKind::Quantity,
            FigureKind::Duration,
        ] {
            check(k, k.as_str());
        }
        for q in [
            Qualifier::Exact,
            Qualifier::Approx,
            Qualifier::MoreThan,
            Qualifier::LessThan,
            Qualifier::UpTo,
            Qualifier::AtLeast,
            Qualifier::Vague,
        ] {
            check(q, q.as_str());
        }
        for s in [DocStatus::Ok, DocStatus::Skipped, DocStatus::Failed] {
            check(s, s.as_str());
        }
        for r in Role::ALL {
            check(r, r.as_str());
        }
        assert_eq!(EntityLabel::parse("PER"), Some(EntityLabel::Person));
        assert_eq!(RoleScores([0.1, 0.2, 0.3])[Role::Source], 0.3);
    }

    #[test]
    fn bio_tags_round_trip_through_index_and_spelling() {
        for (i, tag) in BioTag::ALL.iter().enumerate() {
            assert_eq!(tag.index(), i);
            assert_eq!(BioTag::from_index(i), Some(*tag));
            assert_eq!(BioTag::parse(tag.as_str()), Some(*tag));
        }
        for l in EntityLabel::ALL {
            assert_eq!(BioTag::B(l).as_str(), format!("B-{}", l.conll_name()));
            assert_eq!(BioTag::I(l).as_str(), format!("I-{}", l.conll_name()));
        }
        assert_eq!(BioTag::from_index(BioTag::COUNT), None);
        assert_eq!(BioTag::parse("B-PERSON"), Some(BioTag::B(EntityLabel::Person)));
        for bad in ["", "B", "B-", "X-PER", "S-LOC", "b-per"] {
            assert_eq!(BioTag::parse(bad), None, "{bad}");
        }
        // IOB2 unchanged; IOB1 starts and unknown tags repaired.
        let iob2 = ["B-ORG", "I-ORG", "B-ORG", "O", "B-MISC", "I-MISC"];
        assert_eq!(BioTag::sequence(&iob2).iter().map(|t| t.as_str()).collect::<Vec<_>>(), iob2);
        let got = BioTag::sequence(&["I-ORG", "I-LOC", "S-PER", "I-PER"]);
        assert_eq!(
            got,
            [BioTag::B(EntityLabel::Org), BioTag::B(EntityLabel::Loc), BioTag::O, BioTag::B(EntityLabel::Person)]
        );
    }
}
