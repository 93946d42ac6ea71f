//! Named rules: which code path of the extractor produced a row.
//!
//! Every [`super::Quote`] carries the [`Rule`] that found it, so an analyst can filter the rows
//! of one pattern (all `direct.follow_up` rows, say) and a reviewer can tell which rule to fix.
//! The names are `family.name`: the family is the quote kind (`direct`, `mixed`, `indirect`),
//! `stance` for a cue that reports its object, or `tagger` for rows only the role tagger found.
//! Each variant has a fixture named after it in `quotes/tests/rules.rs`.

use serde::{Deserialize, Serialize};

/// The extraction rule behind a row; its spelling is the `rule` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub enum Rule {
    /// A quotation before its tag, the cue after or inverted: `“We will appeal,” Ortega said.`,
    /// `“…,” said Salvadoran lawyer Jaime Ortega`. The default, being the commonest shape.
    #[default]
    #[serde(rename = "direct.tag_after")]
    DirectTagAfter,
    /// A quotation after its tag, with a colon or comma: `Ortega said: “We will appeal.”`.
    #[serde(rename = "direct.tag_before")]
    DirectTagBefore,
    /// One statement split by its tag; both parts get this rule: `“We will appeal,” he said,
    /// “and we will win.”`.
    #[serde(rename = "direct.split")]
    DirectSplit,
    /// A quotation with no cue of its own after the speaker's previous one: `“…,” said Cruz.
    /// “We will win.”` (the row keeps the speaker and cue of the quotation it continues).
    #[serde(rename = "direct.follow_up")]
    DirectFollowUp,
    /// A quotation opening a paragraph after a paragraph-final tag: `Cruz called them on it:`
    /// ⏎ `“The questions asked in this debate …”`.
    #[serde(rename = "direct.lead_in")]
    DirectLeadIn,
    /// A quotation after a name and a colon opening the paragraph: `Graham: “Trump’s rhetoric
    /// is destroying the GOP.”`.
    #[serde(rename = "direct.label")]
    DirectLabel,
    /// Quoted words inside a cue's paraphrase: `Bukele said they would be held in “very good
    /// jails at a fair price.”`.
    #[serde(rename = "mixed.verb_frame")]
    MixedVerbFrame,
    /// An evaluative cue's object up to a quoted term: `Comey called Clinton’s use of private
    /// email “extremely careless.”`.
    #[serde(rename = "mixed.evaluative_term")]
    MixedEvaluativeTerm,
    /// Reported content after its cue, with or without `that`: `A U.S. official said in a court
    /// filing that many of those 137 have no U.S. convictions.`.
    #[serde(rename = "indirect.that_clause")]
    IndirectThatClause,
    /// Reported content before its tag: `A lawsuit has been presented to the court, Ortega
    /// said.`.
    #[serde(rename = "indirect.tag_after")]
    IndirectTagAfter,
    /// `According to NGO Cristosal, the facility prohibits visitation.`
    #[serde(rename = "indirect.according_to")]
    IndirectAccordingTo,
    /// A noun of saying after its owner: `Trump’s claim that crime rose …`.
    #[serde(rename = "indirect.speech_noun")]
    IndirectSpeechNoun,
    /// Unquoted words after a name and a colon opening the paragraph (a headline or transcript
    /// turn): `JAKE TAPPER: Donald Trump released a video this morning.`.
    #[serde(rename = "indirect.label")]
    IndirectLabel,
    /// A finding reported in a poll, the poll as its source: `In an NBC News poll released
    /// Monday, 50 percent chose Clinton.`.
    #[serde(rename = "indirect.poll")]
    IndirectPoll,
    /// A passive question with no named asker: `Asked whether he would run, Cruz smiled.`.
    #[serde(rename = "indirect.passive_question")]
    IndirectPassiveQuestion,
    /// A stance cue's object: endorsing, rejecting, praising, declining (`Carson endorsed
    /// Trump`); these rows go to `attributions.csv`.
    #[serde(rename = "stance.object")]
    StanceObject,
    /// A whole quotation only the role tagger attributes: `the attendees roared, “Lock her up
    /// now!”` (`roared` is no lexicon cue).
    #[serde(rename = "tagger.direct")]
    TaggerDirect,
    /// Quoted words inside content only the role tagger attributes: `the crowd roared that she
    /// was “a crook and a liar.”`.
    #[serde(rename = "tagger.mixed")]
    TaggerMixed,
    /// Unquoted content only the role tagger attributes: `a federal judge determined that the
    /// order was unlawful`.
    #[serde(rename = "tagger.indirect")]
    TaggerIndirect,
}

impl Rule {
    /// Every rule, in the order of the enum.
    pub const ALL: [Rule; 19] = [
        Rule::DirectTagAfter,
        Rule::DirectTagBefore,
        Rule::DirectSplit,
        Rule::DirectFollowUp,
        Rule::DirectLeadIn,
        Rule::DirectLabel,
        Rule::MixedVerbFrame,
        Rule::MixedEvaluativeTerm,
        Rule::IndirectThatClause,
        Rule::IndirectTagAfter,
        Rule::IndirectAccordingTo,
        Rule::IndirectSpeechNoun,
        Rule::IndirectLabel,
        Rule::IndirectPoll,
        Rule::IndirectPassiveQuestion,
        Rule::StanceObject,
        Rule::TaggerDirect,
        Rule::TaggerMixed,
        Rule::TaggerIndirect,
    ];

    /// The `rule` column's spelling (the same as serde's).
    ///
    /// ```
    /// use newsmine::quotes::Rule;
    /// assert_eq!(Rule::DirectFollowUp.as_str(), "direct.follow_up");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            Rule::DirectTagAfter => "direct.tag_after",
            Rule::DirectTagBefore => "direct.tag_before",
            Rule::DirectSplit => "direct.split",
            Rule::DirectFollowUp => "direct.follow_up",
            Rule::DirectLeadIn => "direct.lead_in",
            Rule::DirectLabel => "direct.label",
            Rule::MixedVerbFrame => "mixed.verb_frame",
            Rule::MixedEvaluativeTerm => "mixed.evaluative_term",
            Rule::IndirectThatClause => "indirect.that_clause",
            Rule::IndirectTagAfter => "indirect.tag_after",
            Rule::IndirectAccordingTo => "indirect.according_to",
            Rule::IndirectSpeechNoun => "indirect.speech_noun",
            Rule::IndirectLabel => "indirect.label",
            Rule::IndirectPoll => "indirect.poll",
            Rule::IndirectPassiveQuestion => "indirect.passive_question",
            Rule::StanceObject => "stance.object",
            Rule::TaggerDirect => "tagger.direct",
            Rule::TaggerMixed => "tagger.mixed",
            Rule::TaggerIndirect => "tagger.indirect",
        }
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// serde's spelling (the CSV) and `as_str` agree, and every variant is in `ALL` once.
    #[test]
    fn csv_spelling_is_as_str_and_all_is_complete() {
        for rule in Rule::ALL {
            let mut w = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
            w.serialize([rule]).unwrap();
            assert_eq!(String::from_utf8(w.into_inner().unwrap()).unwrap().trim_end(), rule.as_str());
            let (family, name) = rule.as_str().split_once('.').unwrap();
            assert!(!family.is_empty() && !name.is_empty() && rule.as_str() == rule.as_str().to_lowercase());
        }
        for (i, rule) in Rule::ALL.into_iter().enumerate() {
            assert_eq!(rule as usize, i, "{rule} out of place in Rule::ALL");
        }
    }
}
