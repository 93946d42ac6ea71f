//! Speaker identity fixtures: the fullest name of a person for surnames, honorifics, titles and
//! relative pronouns, and the junk that is never a speaker (pronouns, quoted interjections,
//! shares, places typed as persons).

use super::{doc, role_scores};
use crate::doc::{Analysed, EntityLabel};
use crate::quotes::identity::speaker_id;
use crate::quotes::SpeakerType;

/// Every row (attributions too) as (speaker mention, speaker, type).
fn speakers(d: &Analysed) -> Vec<(&str, String, SpeakerType)> {
    crate::quotes::extract(d)
        .into_iter()
        .map(|q| (q.speaker_mention.map_or("", |m| m.text(&d.text)), q.speaker, q.speaker_type))
        .collect()
}

fn row(mention: &'static str, speaker: &str, kind: SpeakerType) -> (&'static str, String, SpeakerType) {
    (mention, speaker.to_string(), kind)
}

use EntityLabel::{Loc, Person};
use SpeakerType::{Group, Org, Person as P};

#[test]
fn surnames_and_honorifics_take_the_fullest_name() {
    let d = doc(
        "Donald J. Trump spoke first.\nMr. Trump said the wall would be built by next year.",
        &[("Donald J. Trump", Person, "Donald J. Trump"), ("Trump", Person, "Donald J. Trump")],
    );
    let got = speakers(&d);
    assert_eq!(got, vec![row("Mr. Trump", "Donald J. Trump", P)]);
    assert_eq!(speaker_id(&got[0].1, got[0].2), speaker_id("Donald Trump", P));
    // `Mr.` is not `Michelle Obama`, the only other full name.
    let d = doc(
        "On Friday, Michelle Obama and Barack Obama arrived at the airport.\nMr. Obama said the speech had gone well.",
        &[("Michelle Obama", Person, "Michelle Obama"), ("Barack Obama", Person, "Barack Obama")],
    );
    assert_eq!(speakers(&d), vec![row("Mr. Obama", "Barack Obama", P)]);
}

#[test]
fn a_headline_gives_a_first_name_but_glues_no_words_to_one() {
    let text = "Elizabeth Warren Hammers Bank Chief\nElizabeth Warren spoke on Tuesday.\n\
                Warren said the bank had broken the law for years.";
    let mut d = doc(text, &[("Elizabeth Warren Hammers", Person, "Elizabeth Warren Hammers")]);
    // The tagger's mentions: the headline's glued one, then the body's.
    let body = text.find("Elizabeth Warren spoke").unwrap();
    let warren = text.rfind("Warren said").unwrap();
    for (start, len) in [(body, "Elizabeth Warren".len()), (warren, "Warren".len())] {
        d.entities.push(crate::doc::Entity {
            span: crate::span::Span::new(start, start + len),
            label: Person,
            score: 0.9,
            canonical: "Elizabeth Warren Hammers".into(),
        });
    }
    d.entities.sort_by_key(|e| e.span.start);
    assert_eq!(speakers(&d), vec![row("Warren", "Elizabeth Warren", P)]);
}

#[test]
fn relative_pronouns_name_their_antecedent() {
    // A frame: the relative is the mention, its antecedent the speaker.
    let d = doc(
        "Donald Trump, who proclaimed that he alone could fix the system, spoke in Ohio.",
        &[("Donald Trump", Person, "Donald Trump")],
    );
    assert_eq!(speakers(&d), vec![row("who", "Donald Trump", P)]);
    // The role tagger marks the relative as the source of a cue outside the lexicon.
    let text = "Donald Trump, who roared, “Lock her up now!” left the stage.";
    let mut d = doc(text, &[("Donald Trump", Person, "Donald Trump")]);
    d.roles = Some(role_scores(text, &["roared"], &["Lock her up now!"], &["who"]));
    assert_eq!(speakers(&d), vec![row("who", "Donald Trump", P)]);
}

#[test]
fn titles_name_the_person_the_text_gave_them_to() {
    let d = doc(
        "On Monday, President Barack Obama spoke to the workers at the plant.\nThe president said the deal was good for workers.",
        &[("Barack Obama", Person, "Barack Obama")],
    );
    assert_eq!(speakers(&d), vec![row("The president", "Barack Obama", P)]);
    // A vice president is not the president.
    let d = doc(
        "On Monday, President Barack Obama met with Vice President Joe Biden and several workers at the plant in Ohio.\nThe president said the deal was good.",
        &[("Barack Obama", Person, "Barack Obama"), ("Joe Biden", Person, "Joe Biden")],
    );
    assert_eq!(speakers(&d), vec![row("The president", "Barack Obama", P)]);
    // No one was called mayor: the title stays a description.
    let d = doc(
        "On Monday, President Barack Obama spoke to the workers at the plant.\nThe mayor said the deal was good for workers.",
        &[("Barack Obama", Person, "Barack Obama")],
    );
    assert_eq!(speakers(&d), vec![row("The mayor", "mayor", P)]);
}

#[test]
fn junk_is_never_a_speaker() {
    // A name inside a quotation is not whom `he` after it means.
    let d = doc(
        "Barack Obama spoke at length.\n“It feels like, ‘Meh, we can put this off a little bit,’” he said.",
        &[("Barack Obama", Person, "Barack Obama"), ("Meh", Person, "Meh")],
    );
    assert_eq!(speakers(&d), vec![row("he", "Barack Obama", P)]);
    // A share is no source; a count only counts the source.
    let d =
        doc("19 percent said the economy was getting better.\nNearly eight of 10 voters said the race was close.", &[]);
    assert_eq!(speakers(&d), vec![row("19 percent", "", Group), row("Nearly eight of 10 voters", "voters", Group)]);
    // A verb glued to a name is left out; a noun after a capitalised word that names no one
    // is kept.
    let text = "Scott bristles, roaring “This plan is a disgrace to us all!”";
    let mut d = doc(text, &[("Scott", Person, "Tim Scott")]);
    d.roles = Some(role_scores(text, &["roaring"], &["This plan is a disgrace to us all!"], &["Scott bristles"]));
    assert_eq!(speakers(&d), vec![row("Scott bristles", "Tim Scott", P)]);
    let d = doc("Further details said the deal was done by the end of the week.", &[]);
    assert_eq!(speakers(&d), vec![row("Further details", "Further details", Group)]);
    // A place speaks as its government.
    let d = doc("China said the talks would resume next month.", &[("China", Loc, "China")]);
    assert_eq!(speakers(&d), vec![row("China", "China", Org)]);
    // A capitalised word the document also writes in lower case is no name.
    let d = doc("Critics said the plan would fail within a year.\nThe critics were loud.", &[]);
    let got = speakers(&d);
    assert_eq!(got, vec![row("Critics", "Critics", Group)]);
    assert_eq!(speaker_id(&got[0].1, got[0].2), speaker_id("critic", P));
}
