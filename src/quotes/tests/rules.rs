//! One fixture per [`Rule`], named after it (`direct_tag_after_…` for `direct.tag_after`), on a
//! real sentence; [`every_rule_has_a_fixture`] runs them all from one table so a new rule
//! cannot go without one.

use super::{doc, role_scores};
use crate::doc::Analysed;
use crate::quotes::Rule;

/// Every row (attributions too) as (quote, rule, speaker).
fn rows(d: &Analysed) -> Vec<(&str, Rule, String)> {
    crate::quotes::extract(d).into_iter().map(|q| (q.span.text(&d.text), q.rule, q.speaker)).collect()
}

fn row(quote: &'static str, rule: Rule, speaker: &str) -> (&'static str, Rule, String) {
    (quote, rule, speaker.to_string())
}

/// Each rule with its fixture.
const FIXTURES: [(Rule, fn()); 19] = [
    (Rule::DirectTagAfter, direct_tag_after_said_and_inverted_said),
    (Rule::DirectTagBefore, direct_tag_before_a_colon),
    (Rule::DirectSplit, direct_split_around_its_tag),
    (Rule::DirectFollowUp, direct_follow_up_keeps_the_speaker),
    (Rule::DirectLeadIn, direct_lead_in_from_the_paragraph_before),
    (Rule::DirectLabel, direct_label_before_a_quotation),
    (Rule::MixedVerbFrame, mixed_verb_frame_quoted_words_in_a_paraphrase),
    (Rule::MixedEvaluativeTerm, mixed_evaluative_term_in_the_object),
    (Rule::IndirectThatClause, indirect_that_clause_after_the_cue),
    (Rule::IndirectTagAfter, indirect_tag_after_the_content),
    (Rule::IndirectAccordingTo, indirect_according_to_leading),
    (Rule::IndirectSpeechNoun, indirect_speech_noun_with_its_owner),
    (Rule::IndirectLabel, indirect_label_of_a_transcript_turn),
    (Rule::IndirectPoll, indirect_poll_finding),
    (Rule::IndirectPassiveQuestion, indirect_passive_question_without_asker),
    (Rule::StanceObject, stance_object_of_endorsed_and_declined),
    (Rule::TaggerDirect, tagger_direct_quotation_after_an_unlisted_verb),
    (Rule::TaggerMixed, tagger_mixed_quoted_words_in_tagged_content),
    (Rule::TaggerIndirect, tagger_indirect_content_without_that),
];

#[test]
fn every_rule_has_a_fixture() {
    let covered: Vec<Rule> = FIXTURES.iter().map(|f| f.0).collect();
    assert_eq!(covered, Rule::ALL.to_vec());
    for (_, fixture) in FIXTURES {
        fixture();
    }
}

#[test]
fn direct_tag_after_said_and_inverted_said() {
    let d = doc("“We will appeal the ruling,” Ortega said.\n“From no point of view should any person be treated in this manner,” said lawyer Jaime Ortega.", &[]);
    assert_eq!(
        rows(&d),
        vec![
            row("We will appeal the ruling,", Rule::DirectTagAfter, "Ortega"),
            row(
                "From no point of view should any person be treated in this manner,",
                Rule::DirectTagAfter,
                "Jaime Ortega"
            ),
        ]
    );
}

#[test]
fn direct_tag_before_a_colon() {
    let d = doc("Ortega said: “We will appeal the ruling.”", &[]);
    assert_eq!(rows(&d), vec![row("We will appeal the ruling.", Rule::DirectTagBefore, "Ortega")]);
}

#[test]
fn direct_split_around_its_tag() {
    let d = doc("“We will appeal the ruling,” Ortega said, “and we will win.”", &[]);
    assert_eq!(
        rows(&d),
        vec![
            row("We will appeal the ruling,", Rule::DirectSplit, "Ortega"),
            row("and we will win.", Rule::DirectSplit, "Ortega")
        ]
    );
}

#[test]
fn direct_follow_up_keeps_the_speaker() {
    let d = doc("“We will appeal the ruling,” Ortega said. “The court has not heard the last of us.”", &[]);
    assert_eq!(
        rows(&d),
        vec![
            row("We will appeal the ruling,", Rule::DirectTagAfter, "Ortega"),
            row("The court has not heard the last of us.", Rule::DirectFollowUp, "Ortega"),
        ]
    );
}

#[test]
fn direct_lead_in_from_the_paragraph_before() {
    let d = doc("Cruz called them on it:\n“The questions asked in this debate illustrate why the American people don’t trust the media.”", &[]);
    let q = crate::quotes::extract(&d);
    assert_eq!(
        rows(&d),
        vec![row(
            "The questions asked in this debate illustrate why the American people don’t trust the media.",
            Rule::DirectLeadIn,
            "Cruz"
        )]
    );
    assert_eq!(q[0].cue.map(|c| c.text(&d.text)), Some("called"));
}

#[test]
fn direct_label_before_a_quotation() {
    let d = doc("Graham: “Trump’s hateful rhetoric is destroying the party.”", &[]);
    assert_eq!(rows(&d), vec![row("Trump’s hateful rhetoric is destroying the party.", Rule::DirectLabel, "Graham")]);
}

#[test]
fn mixed_verb_frame_quoted_words_in_a_paraphrase() {
    let d = doc("Bukele said the prisoners would be held in “very good jails at a fair price.”", &[]);
    assert_eq!(rows(&d), vec![row("very good jails at a fair price.", Rule::MixedVerbFrame, "Bukele")]);
}

#[test]
fn mixed_evaluative_term_in_the_object() {
    let d = doc("Comey called Clinton’s use of private email servers “extremely careless.”", &[]);
    let q = crate::quotes::extract(&d);
    assert_eq!(rows(&d), vec![row("extremely careless.", Rule::MixedEvaluativeTerm, "Comey")]);
    assert_eq!(q[0].clause.text(&d.text), "Clinton’s use of private email servers “extremely careless.”");
}

#[test]
fn indirect_that_clause_after_the_cue() {
    let d = doc("A U.S. official said in a court filing that many of those 137 have no U.S. convictions.", &[]);
    assert_eq!(
        rows(&d),
        vec![row("many of those 137 have no U.S. convictions", Rule::IndirectThatClause, "U.S. official")]
    );
}

#[test]
fn indirect_tag_after_the_content() {
    let d = doc("A lawsuit has been presented to the court, Ortega said.", &[]);
    assert_eq!(rows(&d), vec![row("A lawsuit has been presented to the court", Rule::IndirectTagAfter, "Ortega")]);
}

#[test]
fn indirect_according_to_leading() {
    let d = doc("According to NGO Cristosal, the facility prohibits visitation.", &[]);
    assert_eq!(rows(&d), vec![row("the facility prohibits visitation", Rule::IndirectAccordingTo, "NGO Cristosal")]);
}

#[test]
fn indirect_speech_noun_with_its_owner() {
    let d = doc("Trump’s claim that crime rose in every city was false.", &[]);
    assert_eq!(rows(&d), vec![row("crime rose in every city was false", Rule::IndirectSpeechNoun, "Trump")]);
}

#[test]
fn indirect_label_of_a_transcript_turn() {
    let d = doc("JAKE TAPPER: Donald Trump released a video on Friday.", &[]);
    assert_eq!(rows(&d), vec![row("Donald Trump released a video on Friday", Rule::IndirectLabel, "JAKE TAPPER")]);
}

#[test]
fn indirect_poll_finding() {
    let d = doc("In an NBC News poll released Monday, 50 percent of respondents chose Clinton.", &[]);
    assert_eq!(
        rows(&d),
        vec![row("50 percent of respondents chose Clinton", Rule::IndirectPoll, "NBC News poll released Monday")]
    );
}

#[test]
fn indirect_passive_question_without_asker() {
    let d = doc("Asked whether he would run again, Cruz smiled.", &[]);
    assert_eq!(rows(&d), vec![row("whether he would run again", Rule::IndirectPassiveQuestion, "")]);
}

#[test]
fn stance_object_of_endorsed_and_declined() {
    let d = doc("Carson endorsed Trump.\nSome senators declined to comment on the bill.", &[]);
    assert_eq!(
        rows(&d),
        vec![
            row("Trump", Rule::StanceObject, "Carson"),
            row("to comment on the bill", Rule::StanceObject, "Some senators")
        ]
    );
    assert!(crate::quotes::extract(&d).iter().all(|q| q.is_attribution()));
}

#[test]
fn tagger_direct_quotation_after_an_unlisted_verb() {
    let text = "As Trump spoke, the attendees roared, “Lock her up now!”";
    let mut d = doc(text, &[]);
    d.roles = Some(role_scores(text, &["roared"], &["Lock her up now!"], &["the attendees"]));
    assert_eq!(rows(&d), vec![row("Lock her up now!", Rule::TaggerDirect, "attendees")]);
}

#[test]
fn tagger_mixed_quoted_words_in_tagged_content() {
    let text = "The senator crowed that the bill was “a disaster for working families.”";
    let mut d = doc(text, &[]);
    d.roles = Some(role_scores(
        text,
        &["crowed"],
        &["that the bill was “a disaster for working families.”"],
        &["The senator"],
    ));
    assert_eq!(rows(&d), vec![row("a disaster for working families.", Rule::TaggerMixed, "senator")]);
}

#[test]
fn tagger_indirect_content_without_that() {
    let text = "The crowd roared that the election was rigged from the start.";
    let mut d = doc(text, &[]);
    d.roles = Some(role_scores(text, &["roared"], &["that the election was rigged from the start"], &["The crowd"]));
    assert_eq!(rows(&d), vec![row("the election was rigged from the start", Rule::TaggerIndirect, "crowd")]);
}
