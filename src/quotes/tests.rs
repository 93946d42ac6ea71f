//! Fixtures: one per extraction pattern, plus hard cases from the seed articles. Each builds an
//! [`Analysed`] with one paragraph per line and the given NER entities, and asserts the quotes
//! field by field.

use super::*;
use crate::doc::{Entity, EntityLabel, Paragraph};
use proptest::prelude::*;

mod rules;
mod speakers;

/// A document with one paragraph per line and entities `(surface, label, canonical)` placed at
/// every occurrence of the surface.
/// The rows of `quotes.csv` (reported speech). Stances (`Carson endorsed Trump`) go to
/// `attributions.csv` and are tested in `stance_cues_report_their_object_as_attributions`.
fn extract(d: &Analysed) -> Vec<Quote> {
    super::extract(d).into_iter().filter(|q| !q.is_attribution()).collect()
}

fn doc(text: &str, entities: &[(&str, EntityLabel, &str)]) -> Analysed {
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        paragraphs.push(Paragraph { span: Span::new(start, start + line.len()), extract: true });
        start += line.len() + 1;
    }
    let mut ents = Vec::new();
    for &(surface, label, canonical) in entities {
        for (b, _) in text.match_indices(surface) {
            ents.push(Entity {
                span: Span::new(b, b + surface.len()),
                label,
                score: 0.9,
                canonical: canonical.to_string(),
            });
        }
    }
    ents.sort_by_key(|e| e.span.start);
    Analysed { text: text.to_string(), paragraphs, sentences: Vec::new(), entities: ents, cue_words: None, roles: None }
}

/// The surface fields of a quote, for compact assertions.
#[derive(Debug, PartialEq)]
struct View<'a> {
    quote: &'a str,
    kind: QuoteKind,
    cue: Option<&'a str>,
    mention: Option<&'a str>,
    speaker: &'a str,
    speaker_type: SpeakerType,
}

fn view<'a>(d: &'a Analysed, q: &'a Quote) -> View<'a> {
    View {
        quote: q.span.text(&d.text),
        kind: q.kind,
        cue: q.cue.map(|c| c.text(&d.text)),
        mention: q.speaker_mention.map(|m| m.text(&d.text)),
        speaker: &q.speaker,
        speaker_type: q.speaker_type,
    }
}

use EntityLabel::{Org, Person};
use QuoteKind::{Direct, Indirect, Mixed};

#[test]
fn direct_inverted_cue_with_title_and_appositive() {
    let d = doc(
        "“From no point of view should any person be treated in this manner,” said Salvadoran lawyer Jaime Ortega, head of a law firm handling the Venezuelans’ case.",
        &[("Jaime Ortega", Person, "Jaime Ortega")],
    );
    let q = extract(&d);
    assert_eq!(q.len(), 1);
    assert_eq!(
        view(&d, &q[0]),
        View {
            quote: "From no point of view should any person be treated in this manner,",
            kind: Direct,
            cue: Some("said"),
            mention: Some("Salvadoran lawyer Jaime Ortega"),
            speaker: "Jaime Ortega",
            speaker_type: SpeakerType::Person,
        }
    );
    assert_eq!(q[0].descriptions, vec!["Salvadoran lawyer", "head of a law firm handling the Venezuelans’ case"]);
    assert!(q[0].confidence > 0.8);
}

#[test]
fn direct_after_cue_and_colon_resolves_surname() {
    let d = doc(
        "Jaime Ortega handles the case.\nOrtega said: “We will present a habeas corpus petition this week.”",
        &[("Jaime Ortega", Person, "Jaime Ortega"), ("Ortega said", Person, "Jaime Ortega")],
    );
    let q = extract(&d);
    assert_eq!(q.len(), 1);
    assert_eq!(
        view(&d, &q[0]),
        View {
            quote: "We will present a habeas corpus petition this week.",
            kind: Direct,
            cue: Some("said"),
            mention: Some("Ortega"),
            speaker: "Jaime Ortega",
            speaker_type: SpeakerType::Person,
        }
    );
}

#[test]
fn direct_subject_cue_after_quote_in_a_statement() {
    // Without NER the surname is resolved against the fuller name earlier in the text.
    let d = doc(
        "Press Secretary Karoline Leavitt rejected the claims.\n“A single judge in a single city cannot direct the movements of an aircraft carrier,” Leavitt said in a statement.",
        &[],
    );
    let q = extract(&d);
    let last = q.last().unwrap();
    assert_eq!(
        view(&d, last),
        View {
            quote: "A single judge in a single city cannot direct the movements of an aircraft carrier,",
            kind: Direct,
            cue: Some("said"),
            mention: Some("Leavitt"),
            speaker: "Leavitt",
            speaker_type: SpeakerType::Person,
        }
    );
    let with_ner =
        doc(&d.text, &[("Karoline Leavitt", Person, "Karoline Leavitt"), ("Leavitt said", Person, "Karoline Leavitt")]);
    assert_eq!(extract(&with_ner).last().unwrap().speaker, "Karoline Leavitt");
}

#[test]
fn direct_tag_with_a_short_circumstance_and_a_quotation_set_off_by_dashes() {
    // `wondered aloud,` and `said twice -`: one or two words closed by punctuation are the tag's
    // circumstance, so the quotation before the tag is what it reports; a quotation set off by a
    // dash inside a longer sentence is the tag's whole content, not a mixed quote of `suggested`.
    let d = doc(
        "''Maybe the difference is between the Irish Catholic and the Methodist,'' he wondered aloud, comparing himself with Mrs. Clinton.\n\
         Mr. Biden suggested Mr. Trump admired brutal leaders like Saddam Hussein - ''He would have loved Stalin,'' Mr. Biden said twice - and reminded the crowd of the stakes.\n\
         Regarding the military action against Libya, Obama defended the process, though not the results.",
        &[("Biden", Person, "Joseph R. Biden Jr."), ("Obama", Person, "Barack Obama")],
    );
    let q = extract(&d);
    let wondered =
        q.iter().find(|q| q.cue.is_some_and(|c| c.text(&d.text) == "wondered")).expect("a row for `wondered`");
    assert_eq!(
        view(&d, wondered),
        View {
            quote: "Maybe the difference is between the Irish Catholic and the Methodist,",
            kind: Direct,
            cue: Some("wondered"),
            mention: Some("he"),
            speaker: "",
            speaker_type: SpeakerType::Person,
        }
    );
    let stalin = q.iter().find(|q| q.span.text(&d.text).starts_with("He would")).expect("the Stalin quotation");
    assert_eq!(
        view(&d, stalin),
        View {
            quote: "He would have loved Stalin,",
            kind: Direct,
            cue: Some("said"),
            mention: Some("Mr. Biden"),
            speaker: "Joseph R. Biden Jr.",
            speaker_type: SpeakerType::Person,
        }
    );
    assert!(!q.iter().any(|q| q.span.text(&d.text).starts_with("twice")), "`twice` is no reported content");
    // An object is no circumstance: `defended the process` reports the process.
    let all = super::extract(&d);
    let defended =
        all.iter().find(|q| q.cue.is_some_and(|c| c.text(&d.text) == "defended")).expect("a row for `defended`");
    assert_eq!(defended.span.text(&d.text), "the process");
}

#[test]
fn direct_tag_after_a_full_stop_and_a_quotation_after_a_colon() {
    // `“….” Trump said.`: a whole short tag after a quotation that ends in a full stop is its
    // tag; `“We will win.” Trump said the count …` starts a sentence of its own. A quotation
    // after a colon, tagged after it, is the tag's whole content (not a mixed quote).
    let d = doc(
        "“Russia, if you’re listening, I hope you’re able to find the 30,000 emails that are missing.” Trump said.\n\
         “We will win this.” Trump said the count was wrong.\n\
         Murphy followed up by lamenting the tasks his job entails, especially fundraising: “There’s just a ton of nonsense with this job,” he said.",
        &[("Trump", Person, "Donald Trump"), ("Murphy", Person, "Chris Murphy")],
    );
    let q = extract(&d);
    let row = |start: &str| {
        q.iter().find(|q| q.span.text(&d.text).starts_with(start)).unwrap_or_else(|| panic!("a row for {start}"))
    };
    let russia = row("Russia");
    assert_eq!(
        (russia.kind, russia.cue.map(|c| c.text(&d.text)), russia.speaker.as_str()),
        (Direct, Some("said"), "Donald Trump")
    );
    assert_eq!(
        russia.span.text(&d.text),
        "Russia, if you’re listening, I hope you’re able to find the 30,000 emails that are missing."
    );
    let count = row("the count");
    assert_eq!((count.kind, count.cue.map(|c| c.text(&d.text))), (Indirect, Some("said")));
    // A quotation with a sentence of its own after it is not tagged by that sentence's `said`:
    // it follows up the quotation of the line before and carries that one's cue.
    assert_eq!(row("We will").cue, russia.cue, "a quotation with a sentence of its own after it has no tag of its own");
    let murphy = row("There’s");
    assert_eq!(
        view(&d, murphy),
        View {
            quote: "There’s just a ton of nonsense with this job,",
            kind: Direct,
            cue: Some("said"),
            mention: Some("he"),
            speaker: "Chris Murphy",
            speaker_type: SpeakerType::Person,
        }
    );
}

#[test]
fn direct_tags_with_manner_of_speaking_verbs() {
    // Verbs of the manner of speaking tag quotations (`beamed`, `scoffed`, `chanted`, `mused`).
    let d = doc(
        "“This is fantastic!” beamed Donald Hartley of Madison, Alabama, who snuck onto the floor.\n\
         “Silly boys acting like they have never seen a girl before,” Arianna Gil scoffed.\n\
         “Build the wall!” the crowd chanted.",
        &[("Donald Hartley", Person, "Donald Hartley"), ("Arianna Gil", Person, "Arianna Gil")],
    );
    let got: Vec<(&str, QuoteKind, Option<&str>, Option<&str>)> = extract(&d)
        .iter()
        .map(|q| {
            (q.span.text(&d.text), q.kind, q.cue.map(|c| c.text(&d.text)), q.speaker_mention.map(|m| m.text(&d.text)))
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("This is fantastic!", Direct, Some("beamed"), Some("Donald Hartley of Madison")),
            (
                "Silly boys acting like they have never seen a girl before,",
                Direct,
                Some("scoffed"),
                Some("Arianna Gil")
            ),
            ("Build the wall!", Direct, Some("chanted"), Some("the crowd")),
        ]
    );
}

#[test]
fn direct_straight_marks_comma_outside_title_premodifier() {
    let d = doc(
        "\"As always, we continue advancing in the fight against organized crime. All in a single action\", El Salvador President Bukele stated.",
        &[("El Salvador", EntityLabel::Loc, "El Salvador"), ("Bukele", Person, "Nayib Bukele")],
    );
    let q = extract(&d);
    assert_eq!(q.len(), 1);
    assert_eq!(
        view(&d, &q[0]),
        View {
            quote: "As always, we continue advancing in the fight against organized crime. All in a single action",
            kind: Direct,
            cue: Some("stated"),
            mention: Some("El Salvador President Bukele"),
            speaker: "Nayib Bukele",
            speaker_type: SpeakerType::Person,
        }
    );
    assert_eq!(q[0].descriptions, vec!["El Salvador President"]);
}

#[test]
fn direct_guillemets_unnamed_person() {
    let d = doc("«We will win this battle against the gangs,» the minister said.", &[]);
    let q = extract(&d);
    assert_eq!(
        view(&d, &q[0]),
        View {
            quote: "We will win this battle against the gangs,",
            kind: Direct,
            cue: Some("said"),
            mention: Some("the minister"),
            speaker: "minister",
            speaker_type: SpeakerType::Person,
        }
    );
}

#[test]
fn direct_quote_spanning_sentences_and_split_by_cue() {
    let d = doc(
        "“The cells are full. Nobody can visit. Nobody can call,” said David Morales, a lawyer at Cristosal. “It is a prison system of terror.”",
        &[("David Morales", Person, "David Morales")],
    );
    let q = extract(&d);
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].span.text(&d.text), "The cells are full. Nobody can visit. Nobody can call,");
    assert_eq!(q[0].kind, Direct);
    assert_eq!(q[0].speaker, "David Morales");
    assert_eq!(q[0].descriptions, vec!["lawyer at Cristosal"]);
    // The follow-up sentence has no cue of its own: it keeps the speaker and carries the cue of
    // the quotation it continues (one attribution per source and cue, as PolNeAR counts).
    assert_eq!(
        view(&d, &q[1]),
        View {
            quote: "It is a prison system of terror.",
            kind: Direct,
            cue: Some("said"),
            mention: None,
            speaker: "David Morales",
            speaker_type: SpeakerType::Person,
        }
    );
    assert_eq!(q[1].cue, q[0].cue);
}

#[test]
fn multi_paragraph_quote_reopened_in_next_paragraph() {
    let d = doc(
        "“We have documented every case,” said David Morales. “The families have no news of their relatives.\n“They cannot visit and they cannot call.”",
        &[("David Morales", Person, "David Morales")],
    );
    let q = extract(&d);
    let got: Vec<(&str, &str, QuoteKind)> =
        q.iter().map(|x| (x.span.text(&d.text), x.speaker.as_str(), x.kind)).collect();
    assert_eq!(
        got,
        vec![
            ("We have documented every case,", "David Morales", Direct),
            ("The families have no news of their relatives.", "David Morales", Direct),
            ("They cannot visit and they cannot call.", "David Morales", Direct),
        ]
    );
}

#[test]
fn follow_up_quote_keeps_previous_speaker_seed_001() {
    let d = doc(
        "The U.S. reportedly retains other Salvadorans in custody who might incriminate Bukele. “The U.S. government is running its foreign policy, as always, to benefit themselves,” said Salvadoran human rights attorney Ivania Cruz. “They are not going to hand over everything Bukele wants.”",
        &[("Ivania Cruz", Person, "Ivania Cruz"), ("Bukele", Person, "Nayib Bukele")],
    );
    let q = extract(&d);
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].speaker_mention.map(|m| m.text(&d.text)), Some("Salvadoran human rights attorney Ivania Cruz"));
    assert_eq!(q[0].descriptions, vec!["Salvadoran human rights attorney"]);
    assert_eq!(
        view(&d, &q[1]),
        View {
            quote: "They are not going to hand over everything Bukele wants.",
            kind: Direct,
            cue: Some("said"),
            mention: None,
            speaker: "Ivania Cruz",
            speaker_type: SpeakerType::Person,
        }
    );
    assert_eq!(q[1].cue, q[0].cue);
}

#[test]
fn follow_up_continues_the_quotation_past_a_relative_clause_in_its_tag() {
    // The tag holds a relative clause with a cue of its own (`who argued …`). Its row does not
    // take over the follow-up, which continues de Vos's quotation: his name and the cue `said`
    // (before, the follow-up took the relative row's speaker, then resolved to `South Africa`).
    // The appositive ends at the relative pronoun, so `who has predicted` does not read as a
    // verb after the name (that would make `said Allan Lichtman …` no tag).
    let d = doc(
        "“I have been rubbernecking this election,” said Pierre de Vos, a professor in South Africa, who argued that the campaign was a car crash. “It has become my guilty pleasure.”
         “You can try it and see,” said Allan Lichtman, a historian at American University who has predicted every election since 1984.",
        &[("Pierre de Vos", Person, "Pierre de Vos"), ("South Africa", EntityLabel::Loc, "South Africa"), ("Allan Lichtman", Person, "Allan Lichtman"), ("American University", Org, "American University")],
    );
    let q = extract(&d);
    let row = |start: &str| {
        q.iter().find(|q| q.span.text(&d.text).starts_with(start)).unwrap_or_else(|| panic!("a row for {start}"))
    };
    let first = row("I have been");
    assert_eq!((first.cue.map(|c| c.text(&d.text)), first.speaker.as_str()), (Some("said"), "Pierre de Vos"));
    // `who` after the appositive is de Vos, not the place that ends the appositive.
    let argued = row("the campaign");
    assert_eq!(
        (argued.cue.map(|c| c.text(&d.text)), argued.speaker.as_str(), argued.speaker_mention.map(|m| m.text(&d.text))),
        (Some("argued"), "Pierre de Vos", Some("who"))
    );
    let follow = row("It has become");
    assert_eq!(
        (follow.kind, follow.cue, follow.speaker.as_str(), follow.speaker_mention),
        (Direct, first.cue, "Pierre de Vos", None)
    );
    let lichtman = row("You can try");
    assert_eq!(
        view(&d, lichtman),
        View {
            quote: "You can try it and see,",
            kind: Direct,
            cue: Some("said"),
            mention: Some("Allan Lichtman"),
            speaker: "Allan Lichtman",
            speaker_type: SpeakerType::Person,
        }
    );
    assert_eq!(lichtman.descriptions, vec!["historian at American University"]);
}

#[test]
fn mixed_quotes_in_paraphrase_seed_000() {
    let d = doc(
        "Secretary of State Marco Rubio has praised Bukele as “not only the strongest security leader in our region, he’s also a great friend of the U.S.”\nRubio hailed the $6 million deal for El Salvador to house migrants, saying it will hold accused gang members in “very good jails at a fair price that will also save our taxpayer dollars.”",
        &[("Marco Rubio", Person, "Marco Rubio"), ("Rubio hailed", Person, "Marco Rubio"), ("Bukele", Person, "Nayib Bukele")],
    );
    let q = extract(&d);
    assert_eq!(q.len(), 2);
    assert_eq!(
        view(&d, &q[0]),
        View {
            quote: "not only the strongest security leader in our region, he’s also a great friend of the U.S.",
            kind: Mixed,
            cue: Some("praised"),
            mention: Some("Secretary of State Marco Rubio"),
            speaker: "Marco Rubio",
            speaker_type: SpeakerType::Person,
        }
    );
    assert_eq!(q[0].descriptions, vec!["Secretary of State"]);
    assert_eq!(
        view(&d, &q[1]),
        View {
            quote: "very good jails at a fair price that will also save our taxpayer dollars.",
            kind: Mixed,
            cue: Some("saying"),
            mention: Some("Rubio"),
            speaker: "Marco Rubio",
            speaker_type: SpeakerType::Person,
        }
    );
}

#[test]
fn mixed_with_pronoun_resolved_to_previous_speaker() {
    let d = doc(
        "“People being deported are being sent to a prison system of terror,” said David Morales, a lawyer at Cristosal.\nCECOT has “conditions of torture under which hundreds of Salvadorans have died under the regime,” he said.",
        &[("David Morales", Person, "David Morales")],
    );
    let q = extract(&d);
    assert_eq!(
        view(&d, &q[1]),
        View {
            quote: "conditions of torture under which hundreds of Salvadorans have died under the regime,",
            kind: Mixed,
            cue: Some("said"),
            mention: Some("he"),
            speaker: "David Morales",
            speaker_type: SpeakerType::Person,
        }
    );
}

#[test]
fn indirect_subject_cue_that_clause() {
    let d = doc("A U.S. official said in a court filing that many of those 137 have no U.S. convictions but nevertheless posed serious threats.", &[]);
    let q = extract(&d);
    assert_eq!(
        view(&d, &q[0]),
        View {
            quote: "many of those 137 have no U.S. convictions but nevertheless posed serious threats",
            kind: Indirect,
            cue: Some("said"),
            mention: Some("A U.S. official"),
            speaker: "U.S. official",
            speaker_type: SpeakerType::Person,
        }
    );
}

#[test]
fn indirect_content_before_subject_and_cue() {
    let d = doc(
        "Jaime Ortega leads the defense.\nA habeas corpus lawsuit has been presented to El Salvador’s Supreme Court in defense of 30 imprisoned Venezuelan citizens, Ortega said.",
        &[("Jaime Ortega", Person, "Jaime Ortega"), ("Ortega said", Person, "Jaime Ortega")],
    );
    let q = extract(&d);
    assert_eq!(
        view(&d, &q[0]),
        View {
            quote: "A habeas corpus lawsuit has been presented to El Salvador’s Supreme Court in defense of 30 imprisoned Venezuelan citizens",
            kind: Indirect,
            cue: Some("said"),
            mention: Some("Ortega"),
            speaker: "Jaime Ortega",
            speaker_type: SpeakerType::Person,
        }
    );
}

#[test]
fn indirect_unnamed_group_argue() {
    let d = doc("Critics argue that deportees should be sent back to Venezuela rather than to a country where they have no legal ties.", &[]);
    let q = extract(&d);
    assert_eq!(
        view(&d, &q[0]),
        View {
            quote: "deportees should be sent back to Venezuela rather than to a country where they have no legal ties",
            kind: Indirect,
            cue: Some("argue"),
            mention: Some("Critics"),
            speaker: "Critics",
            speaker_type: SpeakerType::Group,
        }
    );
}

#[test]
fn indirect_according_to_org() {
    let d = doc(
        "According to NGO Cristosal, the facility prohibits visitation, outdoor access and rehabilitation programmes.",
        &[("Cristosal", Org, "Cristosal")],
    );
    let q = extract(&d);
    assert_eq!(
        view(&d, &q[0]),
        View {
            quote: "the facility prohibits visitation, outdoor access and rehabilitation programmes",
            kind: Indirect,
            cue: Some("According to"),
            mention: Some("NGO Cristosal"),
            speaker: "Cristosal",
            speaker_type: SpeakerType::Org,
        }
    );
}

#[test]
fn indirect_told_object_that() {
    let d = doc(
        "One political prisoner told an El Faro journalist that he paid $30,000 for a four-day hospital stay.",
        &[],
    );
    let q = extract(&d);
    assert_eq!(
        view(&d, &q[0]),
        View {
            quote: "he paid $30,000 for a four-day hospital stay",
            kind: Indirect,
            cue: Some("told"),
            mention: Some("One political prisoner"),
            speaker: "One political prisoner",
            speaker_type: SpeakerType::Person,
        }
    );
}

#[test]
fn indirect_other_reporting_verbs() {
    for verb in ["claimed", "warned", "noted", "announced", "vowed", "insisted", "denied", "stated"] {
        let text = format!("The ministry {verb} that the prison would remain closed to visitors.");
        let d = doc(&text, &[]);
        let q = extract(&d);
        assert_eq!(q.len(), 1, "{verb}");
        assert_eq!(view(&d, &q[0]).cue, Some(verb));
        assert_eq!(view(&d, &q[0]).quote, "the prison would remain closed to visitors");
        assert_eq!(q[0].speaker, "ministry");
        assert_eq!(q[0].speaker_type, SpeakerType::Org);
    }
}

#[test]
fn scare_quotes_titles_and_headlines_are_not_quotes() {
    let d = doc(
        "Salvadoran President’s Dark Secret Allegedly Behind Deal to Hold Deported Migrants in “Mega” Prison\nThe U.S. Supreme Court ordered the administration to “facilitate” the return of Kilmar Abrego Garcia.\nComparisons have been drawn to America’s \"Prison Valley\" in Fremont County.\nHe hosted “Saturday Night Live” twice.",
        &[],
    );
    assert_eq!(extract(&d), Vec::<Quote>::new());
}

#[test]
fn apostrophes_are_not_quotation_marks() {
    let d = doc(
        "Bukele’s prisons don’t hold the ’90s gangs, the Venezuelans’ lawyers said in court filings on Monday.",
        &[],
    );
    let q = extract(&d);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].kind, Indirect);
    assert_eq!(q[0].span.text(&d.text), "Bukele’s prisons don’t hold the ’90s gangs");
    assert_eq!(q[0].speaker, "Venezuelans’ lawyers");
}

#[test]
fn unbalanced_mark_is_recovered_at_paragraph_boundary() {
    let d = doc(
        "He called the ruling a “disaster for the country and left.\nOrtega said \"we will appeal the decision next week.",
        &[],
    );
    let q = extract(&d);
    assert_eq!(q.len(), 1);
    assert_eq!(
        view(&d, &q[0]),
        View {
            quote: "we will appeal the decision next week.",
            kind: Direct,
            cue: Some("said"),
            mention: Some("Ortega"),
            speaker: "Ortega",
            speaker_type: SpeakerType::Person,
        }
    );
}

#[test]
fn seed_004_claimed_one_relative_and_condemned_as() {
    let d = doc(
        "\"Many turned themselves in to US authorities because they could no longer sustain their economic situation there, but they are not criminals,\" claimed one relative in social media posts described by BBC, urging individual case reviews.\nVenezuela's government condemned the deportations as \"criminalising migration\" and invoking \"the darkest episodes of human history, from slavery to the horror of Nazi concentration camps\".",
        &[("BBC", Org, "BBC"), ("Venezuela", EntityLabel::Loc, "Venezuela")],
    );
    let q = extract(&d);
    assert_eq!(q.len(), 2);
    assert_eq!(
        view(&d, &q[0]),
        View {
            quote: "Many turned themselves in to US authorities because they could no longer sustain their economic situation there, but they are not criminals,",
            kind: Direct,
            cue: Some("claimed"),
            mention: Some("one relative"),
            speaker: "one relative",
            speaker_type: SpeakerType::Person,
        }
    );
    assert_eq!(
        view(&d, &q[1]),
        View {
            quote: "the darkest episodes of human history, from slavery to the horror of Nazi concentration camps",
            kind: Mixed,
            cue: Some("condemned"),
            mention: Some("Venezuela's government"),
            speaker: "Venezuela's government",
            speaker_type: SpeakerType::Org,
        }
    );
}

#[test]
fn seed_001_possessive_affiliation_with_and_without_ner() {
    let text = "“One of the worries that Bukele had is what these gang leaders could say in U.S. courts,” said Washington Office on Latin America’s Ana María Méndez Dardón.";
    let with = doc(
        text,
        &[
            ("Washington Office on Latin America", Org, "Washington Office on Latin America"),
            ("Ana María Méndez Dardón", Person, "Ana María Méndez Dardón"),
        ],
    );
    for d in [with, doc(text, &[])] {
        let q = extract(&d);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].speaker, "Ana María Méndez Dardón");
        assert_eq!(q[0].speaker_type, SpeakerType::Person);
        assert_eq!(
            q[0].speaker_mention.map(|m| m.text(&d.text)),
            Some("Washington Office on Latin America’s Ana María Méndez Dardón")
        );
        assert_eq!(q[0].descriptions, vec!["Washington Office on Latin America"]);
    }
}

#[test]
fn seed_003_passive_and_adjectival_cues_are_not_quotes() {
    let d = doc(
        "Hundreds of immigrants alleged to be members of the gang have been deported.\nThe prison, where inmates are denied visitation and recreation, is a key part of the strategy.",
        &[],
    );
    assert_eq!(extract(&d), Vec::<Quote>::new());
}

#[test]
fn pronoun_they_takes_previous_group() {
    let d = doc(
        "Family members say those deported have no gang affiliation.\nThey said the men were taken without any hearing at all.",
        &[],
    );
    let q = extract(&d);
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].speaker, "Family members");
    assert_eq!(q[0].speaker_type, SpeakerType::Group);
    assert_eq!(q[1].speaker_mention.map(|m| m.text(&d.text)), Some("They"));
    assert_eq!(q[1].speaker, "Family members");
}

#[test]
fn non_extract_paragraphs_are_skipped() {
    let mut d = doc("“Sign up for our newsletter today, it is free,” the editors said.\n“We will appeal the decision,” Ortega said.", &[]);
    d.paragraphs[0].extract = false;
    let q = extract(&d);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker, "Ortega");
}

#[test]
fn multibyte_text_keeps_spans_on_boundaries() {
    let d = doc("“Café owners are worried about the prices — again,”\u{a0}said José Pérez.", &[]);
    let q = extract(&d);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].span.text(&d.text), "Café owners are worried about the prices — again,");
    assert_eq!(q[0].speaker, "José Pérez");
}

#[test]
fn kinds_and_types_convert_once() {
    assert_eq!([Direct.as_str(), Mixed.as_str(), Indirect.as_str()], ["direct", "mixed", "indirect"]);
    assert_eq!(
        [SpeakerType::Person, SpeakerType::Org, SpeakerType::Group, SpeakerType::Unknown].map(|t| t.as_str()),
        ["PERSON", "ORG", "GROUP", "UNKNOWN"]
    );
}

fn plain_doc(text: &str) -> Analysed {
    let mut paragraphs = Vec::new();
    let mut sentences = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let span = Span::new(start, start + line.len());
        paragraphs.push(Paragraph { span, extract: true });
        sentences.push(crate::doc::Sentence { span, paragraph: paragraphs.len() - 1 });
        start += line.len() + 1;
    }
    Analysed { text: text.to_string(), paragraphs, sentences, entities: Vec::new(), cue_words: None, roles: None }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn no_input_panics(text in "\\PC*") {
        let d = plain_doc(&text);
        for q in extract(&d) {
            prop_assert!(q.span.end <= text.len() && text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        }
    }

    #[test]
    fn no_quote_heavy_input_panics(text in "([“”\"'‘’«»„ \u{a0}\n.,:;—éA-Za-z]|said|told|he|according to| ){0,80}") {
        let d = plain_doc(&text);
        let quotes = extract(&d);
        for w in quotes.windows(2) {
            prop_assert!(w[0].span.start <= w[1].span.start);
        }
        for q in &quotes {
            prop_assert!(!q.span.text(&text).is_empty());
            if let Some(m) = q.speaker_mention {
                prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            }
        }
    }
}

#[test]
fn paragraph_final_colon_introduces_next_paragraph_quote() {
    let d = doc("Cruz called them on it:\n“The questions asked in this debate illustrate why the American people don’t trust the media.”", &[]);
    let q = extract(&d);
    assert_eq!(
        q.iter().map(|x| view(&d, x)).collect::<Vec<_>>(),
        vec![View {
            quote: "The questions asked in this debate illustrate why the American people don’t trust the media.",
            kind: Direct,
            cue: Some("called"),
            mention: Some("Cruz"),
            speaker: "Cruz",
            speaker_type: SpeakerType::Person,
        }]
    );
}

#[test]
fn parenthetical_tag_and_appositive_with_age() {
    let d = doc(
        "“We each have our own opinion, but we are friends,” Jim Bennett, 57, told a voter passing by.\nFor black voters in the South, he said, their “political experience told them that this was a risk.”",
        &[],
    );
    let q = extract(&d);
    assert_eq!(q.len(), 2);
    assert_eq!(view(&d, &q[0]).mention, Some("Jim Bennett"));
    assert_eq!(q[0].descriptions, Vec::<String>::new());
    assert_eq!(
        view(&d, &q[1]),
        View {
            quote: "political experience told them that this was a risk.",
            kind: Mixed,
            cue: Some("said"),
            mention: Some("he"),
            speaker: "Jim Bennett",
            speaker_type: SpeakerType::Person,
        }
    );
}

#[test]
fn split_quotation_around_its_tag_shares_the_cue() {
    let d = doc(
        "Jim Bennett came early. “We each have our own opinion,” he said, “but we are friends.”",
        &[("Jim Bennett", Person, "Jim Bennett")],
    );
    let q = extract(&d);
    let got: Vec<(&str, QuoteKind, Option<&str>, &str)> =
        q.iter().map(|x| (x.span.text(&d.text), x.kind, x.cue.map(|c| c.text(&d.text)), x.speaker.as_str())).collect();
    assert_eq!(
        got,
        vec![
            ("We each have our own opinion,", Direct, Some("said"), "Jim Bennett"),
            ("but we are friends.", Direct, Some("said"), "Jim Bennett"),
        ]
    );
    assert_eq!(q[0].cue, q[1].cue);
}

#[test]
fn according_to_a_document_and_as_an_aside() {
    let d = doc(
        "Clinton and Sanders are deadlocked in California, according to a new poll.\nBut the next day, according to Roffman, Trump made further demands of the firm.",
        &[("Roffman", Person, "Marvin Roffman")],
    );
    let q = extract(&d);
    let views = with_mentions(&d, &q);
    assert_eq!(
        views,
        vec![
            ("Clinton and Sanders are deadlocked in California", "new poll", Some("a new poll")),
            // Around the aside the longer side is the reported clause.
            ("Trump made further demands of the firm", "Marvin Roffman", Some("Roffman")),
        ]
    );
}

#[test]
fn inverted_tag_inside_a_split_quotation() {
    let d = doc("“She is too far behind,” said an Iowa Democrat, “and Iowa was not a decisive win.”", &[]);
    let q = extract(&d);
    let views = with_cues(&d, &q);
    assert_eq!(
        views,
        vec![
            ("She is too far behind,", "Iowa Democrat", Some("said")),
            ("and Iowa was not a decisive win.", "Iowa Democrat", Some("said")),
        ]
    );
    assert_eq!(q[0].cue, q[1].cue);
}

#[test]
fn name_age_and_role_before_the_cue() {
    let d = doc(
        "Jillian Chase, 27, a Tinder user in New York, said the election would come up with her matches.\nAbout 9 percent said they had no preference at all.",
        &[("Jillian Chase", Person, "Jillian Chase")],
    );
    let q = extract(&d);
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].speaker, "Jillian Chase");
    assert_eq!(q[0].span.text(&d.text), "the election would come up with her matches");
    assert_eq!(q[1].speaker_mention.map(|m| m.text(&d.text)), Some("9 percent"));
    assert_eq!(q[1].speaker_type, SpeakerType::Group);
}

#[test]
fn relative_clause_between_subject_and_cue() {
    let d = doc(
        "Wasserman Schultz, who is reviled by progressives and was booed at the convention, said the platform is an open process.\nThe official, who spoke on the condition of anonymity, said that investigators are looking at the system.",
        &[("Wasserman Schultz", Person, "Debbie Wasserman Schultz")],
    );
    let q = extract(&d);
    let views = with_mentions(&d, &q);
    assert_eq!(
        views,
        vec![
            ("the platform is an open process", "Debbie Wasserman Schultz", Some("Wasserman Schultz")),
            ("investigators are looking at the system", "official", Some("The official")),
        ]
    );
}

#[test]
fn circumstance_after_a_mid_sentence_tag_is_not_content() {
    let d = doc("He was unable to find a single taker, he said, on condition of anonymity to speak freely.", &[]);
    let q = extract(&d);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].span.text(&d.text), "He was unable to find a single taker");
    assert_eq!(q[0].speaker_mention.map(|m| m.text(&d.text)), Some("he"));
}

#[test]
fn second_predicate_and_dashed_aside() {
    let d = doc(
        "Carson did not mention any of his opponents by name, but told his supporters that the nation is in horrible trouble.\nGingrich — mentioned by Newsmax as the leading choice for running mate — told Bill O’Reilly that you have to look at it very seriously.",
        &[("Carson", Person, "Ben Carson"), ("Gingrich", Person, "Newt Gingrich")],
    );
    let q = extract(&d);
    let views: Vec<(&str, &str)> = q.iter().map(|q| (q.span.text(&d.text), q.speaker.as_str())).collect();
    assert_eq!(
        views,
        vec![
            ("the nation is in horrible trouble", "Ben Carson"),
            ("you have to look at it very seriously", "Newt Gingrich"),
        ]
    );
}

#[test]
fn tag_after_an_exclamation_or_question() {
    let d = doc(
        "“Not us but can’t argue with it!” Murphy, the head of Right to Rise USA, tweeted on Friday.\n“Is this the end?” he asked.",
        &[("Murphy", Person, "Mike Murphy")],
    );
    let q = extract(&d);
    let views = with_cues(&d, &q);
    assert_eq!(
        views,
        vec![
            ("Not us but can’t argue with it!", "Mike Murphy", Some("tweeted")),
            ("Is this the end?", "Mike Murphy", Some("asked")),
        ]
    );
}

#[test]
fn two_word_statement_opening_a_sentence() {
    let d = doc(
        "“We’re anxious,” said another Twitter user, Johanna Bayer.\nShe called the plan “a disgrace,” and left.",
        &[],
    );
    let q = extract(&d);
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].span.text(&d.text), "We’re anxious,");
    assert_eq!(q[0].kind, Direct);
    // The two-word term is the marked part of a label (ANNOTATION.md leaves it optional beside a
    // named source); its clause is the object of `called`, what PolNeAR annotates.
    assert_eq!(q[1].span.text(&d.text), "a disgrace,");
    assert_eq!(q[1].clause.text(&d.text), "the plan “a disgrace,”");
    assert_eq!(q[1].kind, Mixed);
}

#[test]
fn sentence_adverb_between_subject_and_cue() {
    let d = doc("The two lawmakers, however, argue that there is precedent for prosecution in this case.", &[]);
    let q = extract(&d);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker_mention.map(|m| m.text(&d.text)), Some("two lawmakers"));
    assert_eq!(q[0].span.text(&d.text), "there is precedent for prosecution in this case");
}

#[test]
fn participle_after_an_opening_phrase_or_by() {
    let d = doc(
        "In May, a U.S. District Court judge sided with the Democrats, saying the law violated the Constitution.\nDonald Trump picked up from his daughter by saying he is ready to go to work for the country.",
        &[("Donald Trump", Person, "Donald Trump")],
    );
    let q = extract(&d);
    let views: Vec<(&str, Option<&str>)> =
        q.iter().map(|q| (q.span.text(&d.text), q.speaker_mention.map(|m| m.text(&d.text)))).collect();
    assert_eq!(
        views,
        vec![
            ("the law violated the Constitution", Some("a U.S. District Court judge")),
            ("he is ready to go to work for the country", Some("Donald Trump")),
        ]
    );
}

/// `(quote, kind, mention)` of every quote, for the PolNeAR-driven fixtures below.
fn triples(d: &Analysed) -> Vec<(String, QuoteKind, Option<String>)> {
    extract(d)
        .iter()
        .map(|q| (q.span.text(&d.text).to_string(), q.kind, q.speaker_mention.map(|m| m.text(&d.text).to_string())))
        .collect()
}

fn t(quote: &str, kind: QuoteKind, mention: Option<&str>) -> (String, QuoteKind, Option<String>) {
    (quote.to_string(), kind, mention.map(str::to_string))
}

#[test]
fn subject_with_party_tag_relative_clause_or_prepositional_phrase() {
    let d = doc(
        "Sen. Bernie Sanders (I-Vt.) said he will make his medical records public.\nMike Morrell, a veteran of the CIA who retired in 2013, said the approach is insufficient.\nJeb Bush in a Medium post said he would put more conservative judges on the bench.\nA White House official who spoke anonymously said Wednesday that talks with the campaign continue.",
        &[],
    );
    assert_eq!(
        triples(&d),
        vec![
            t("he will make his medical records public", Indirect, Some("Sen. Bernie Sanders")),
            t("the approach is insufficient", Indirect, Some("Mike Morrell")),
            t("he would put more conservative judges on the bench", Indirect, Some("Jeb Bush")),
            t("talks with the campaign continue", Indirect, Some("A White House official")),
        ]
    );
    // A participle with `by` describes the phrase before it: no speaker there.
    let d = doc("The prison holds 18,000 Salvadorans who had been detained under a state of emergency declared by Bukele to combat gangs.", &[]);
    assert!(extract(&d).is_empty());
}

#[test]
fn content_stops_before_a_later_cue_or_a_writers_comment() {
    let d = doc(
        "DeSantis said he has supported legislation that would target accreditation bodies, which he called “a cartel for higher education.”\nChristie said he would quarantine people over fears of the virus, which is spread by mosquitoes.",
        &[],
    );
    assert_eq!(
        triples(&d),
        vec![
            t("he has supported legislation that would target accreditation bodies", Indirect, Some("DeSantis")),
            t("a cartel for higher education.", Direct, Some("he")),
            t("he would quarantine people over fears of the virus", Indirect, Some("Christie")),
        ]
    );
}

#[test]
fn headline_and_transcript_sources_before_a_colon() {
    let d = doc(
        "Graham: Trump’s hateful rhetoric is destroying the party.\nSources: CBS News, Dropsite News, El Faro\nJAKE TAPPER: Donald Trump released a video on Friday.\nIowa: Tim Albrecht, Brad Anderson, Rob Barron, Jeff Boeyink, Bonnie Campbell",
        &[],
    );
    assert_eq!(
        triples(&d),
        vec![
            t("Trump’s hateful rhetoric is destroying the party", Indirect, Some("Graham")),
            t("Donald Trump released a video on Friday", Indirect, Some("JAKE TAPPER")),
        ]
    );
}

#[test]
fn passive_question_has_no_source() {
    let d = doc(
        "Asked on Monday whether Mr. Clinton would hold a cabinet position, Mrs. Clinton shook her head.\nWhen asked by a reporter whether he would run, he laughed.",
        &[],
    );
    let q = extract(&d);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].span.text(&d.text), "whether Mr. Clinton would hold a cabinet position");
    assert_eq!(
        (q[0].kind, q[0].speaker.as_str(), q[0].speaker_type, q[0].speaker_mention),
        (Indirect, "", SpeakerType::Unknown, None)
    );
    assert_eq!(q[0].cue.map(|c| c.text(&d.text)), Some("Asked"));
}

#[test]
fn evaluative_object_with_a_quoted_term_and_show_without_that() {
    let d = doc(
        "Comey called Clinton’s use of private email servers “extremely careless,” but said she should face no charges.\nShe called for more “flexibility.”\nA new poll shows Sanders leading Clinton in New Hampshire.",
        &[],
    );
    assert_eq!(
        triples(&d),
        vec![
            t("extremely careless,", Mixed, Some("Comey")),
            t("she should face no charges", Indirect, Some("Comey")),
            t("Sanders leading Clinton in New Hampshire", Indirect, Some("A new poll")),
        ]
    );
}

#[test]
fn finding_in_a_poll_opening_its_clause() {
    let d = doc(
        "In an NBC News poll released Monday, 50 percent of respondents chose Clinton.\nHe fell to 10 percent in the latest CNN poll.",
        &[],
    );
    assert_eq!(
        triples(&d),
        vec![t("50 percent of respondents chose Clinton", Indirect, Some("an NBC News poll released Monday"))]
    );
    assert_eq!(extract(&d)[0].cue.map(|c| c.text(&d.text)), Some("In"));
}

#[test]
fn share_of_respondents_and_fronted_said() {
    let d = doc(
        "Six in 10 say he is at least somewhat decisive.\nSaid Comey, “The thought that an error on our part is connected to this is very painful to us.”",
        &[],
    );
    assert_eq!(
        triples(&d),
        vec![
            t("he is at least somewhat decisive", Indirect, Some("Six in 10")),
            t(
                "The thought that an error on our part is connected to this is very painful to us.",
                Direct,
                Some("Comey")
            ),
        ]
    );
}

/// `(quote, speaker, speaker mention)` of each quote, for field-by-field comparison.
fn with_mentions<'a>(d: &'a Analysed, q: &'a [Quote]) -> Vec<(&'a str, &'a str, Option<&'a str>)> {
    q.iter().map(|q| (q.span.text(&d.text), q.speaker.as_str(), q.speaker_mention.map(|m| m.text(&d.text)))).collect()
}

/// `(quote, speaker, cue)` of each quote.
fn with_cues<'a>(d: &'a Analysed, q: &'a [Quote]) -> Vec<(&'a str, &'a str, Option<&'a str>)> {
    q.iter().map(|q| (q.span.text(&d.text), q.speaker.as_str(), q.cue.map(|c| c.text(&d.text)))).collect()
}

/// `(quote, clause, kind, speaker, mention)` of every quote.
fn clauses_of(d: &Analysed) -> Vec<(String, String, QuoteKind, String, String)> {
    extract(d)
        .iter()
        .map(|q| {
            (
                q.span.text(&d.text).to_string(),
                q.clause.text(&d.text).to_string(),
                q.kind,
                q.speaker.clone(),
                q.speaker_mention.map_or(String::new(), |m| m.text(&d.text).to_string()),
            )
        })
        .collect()
}

fn c5(
    quote: &str,
    clause: &str,
    kind: QuoteKind,
    speaker: &str,
    mention: &str,
) -> (String, String, QuoteKind, String, String) {
    (quote.into(), clause.into(), kind, speaker.into(), mention.into())
}

#[test]
fn mixed_quotes_carry_their_paraphrase_as_clause() {
    let d = doc(
        "Rubio hailed the deal, saying it will hold accused gang members in “very good jails at a fair price.”\nTrump said he would offer “a prayer for the eventual nominee” but did not suggest it would be Cruz.\nThe front-runner complained that the vote had been “rigged against him by insiders,” a charge that party leaders denied.",
        &[("Rubio", Person, "Marco Rubio"), ("Trump", Person, "Donald Trump")],
    );
    assert_eq!(
        clauses_of(&d),
        vec![
            c5(
                "very good jails at a fair price.",
                "it will hold accused gang members in “very good jails at a fair price.”",
                Mixed,
                "Marco Rubio",
                "Rubio"
            ),
            c5(
                "a prayer for the eventual nominee",
                "he would offer “a prayer for the eventual nominee”",
                Mixed,
                "Donald Trump",
                "Trump"
            ),
            c5(
                "rigged against him by insiders,",
                "the vote had been “rigged against him by insiders,”",
                Mixed,
                "front-runner",
                "The front-runner"
            ),
        ]
    );
}

#[test]
fn tag_continuations_participles_and_pronoun_gender() {
    let d = doc(
        "“That’s right, Donald, USA, baby,” Melanie said to the nominee, who began his speech by marveling.\n“We have a politically correct military,” he said, adding that “some of the things they’re asking you to do are ridiculous.”\n“We’ve shown the world we can float like butterflies,” Mr. Obama said, not even needing to mention the author.",
        &[("Melanie", Person, "Melanie Austin"), ("Obama", Person, "Barack Obama")],
    );
    let got = clauses_of(&d);
    // The relative clause after the tag is the writer's, not Melanie's.
    assert_eq!(
        got[0],
        c5("That’s right, Donald, USA, baby,", "That’s right, Donald, USA, baby,", Direct, "Melanie Austin", "Melanie")
    );
    // `he` is not Melanie (a woman's first name); no man is named before, so it stays unresolved.
    assert_eq!(got[1].3, "");
    // The participle `adding` takes the speaker of `said`.
    assert_eq!(got[2].0, "some of the things they’re asking you to do are ridiculous.");
    assert_eq!((got[2].3.as_str(), got[2].4.as_str()), ("", "he"));
    // `Mr.` belongs to the mention and is no description.
    assert_eq!(
        got[3],
        c5(
            "We’ve shown the world we can float like butterflies,",
            "We’ve shown the world we can float like butterflies,",
            Direct,
            "Barack Obama",
            "Mr. Obama"
        )
    );
    assert!(extract(&d)[3].descriptions.is_empty());
}

#[test]
fn subordinate_and_relative_clauses_bound_the_content_seed_000() {
    let d = doc(
        "As attorneys and relatives of many deportees deny they have gang ties, battles are being fought over their right to due process.\nFamily members, many of whom say those deported have no gang affiliation, are fearful.\nFor 137 of the accused gang deportees, the U.S. government cited the Alien Enemies Act, saying the men belonged to Tren de Aragua but provided few details.\nThe US will pay El Salvador $6mn, according to reports by the Associated Press.",
        &[("Associated Press", Org, "Associated Press")],
    );
    assert_eq!(
        clauses_of(&d),
        vec![
            c5(
                "they have gang ties",
                "they have gang ties",
                Indirect,
                "attorneys and relatives of many deportees",
                "attorneys and relatives of many deportees"
            ),
            c5(
                "those deported have no gang affiliation",
                "those deported have no gang affiliation",
                Indirect,
                "Family members",
                "Family members"
            ),
            c5(
                "the men belonged to Tren de Aragua",
                "the men belonged to Tren de Aragua",
                Indirect,
                "U.S. government",
                "the U.S. government"
            ),
            c5(
                "The US will pay El Salvador $6mn",
                "The US will pay El Salvador $6mn",
                Indirect,
                "Associated Press",
                "reports by the Associated Press"
            ),
        ]
    );
}

#[test]
fn clause_subject_after_datelines_time_phrases_and_verb_chains() {
    let d = doc(
        "WASHINGTON — Sen. Bernie Sanders defended his plan, saying the benefits would outweigh the costs.\nHours later, Trump returned the compliment, telling Reuters, “Sheldon and I have been friends for a long time.”\nWhen asked whom she supported, Ms. Sherry smiled and said, “I’m waiting for Michael Bloomberg to get in the race.”\nBut Sen. Richard J. Durbin (D-Ill.), noting the size of his following, said, “He has got a heck of an email list.”\nClinton is convinced that the race is not over.",
        &[("Bernie Sanders", Person, "Bernie Sanders"), ("Trump", Person, "Donald Trump"), ("Sherry", Person, "Marie Sherry"), ("Richard J. Durbin", Person, "Richard J. Durbin"), ("Clinton", Person, "Hillary Clinton")],
    );
    let got: Vec<(String, String)> = clauses_of(&d).into_iter().map(|x| (x.0, x.3)).collect();
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        got,
        vec![
            pair("the benefits would outweigh the costs", "Bernie Sanders"),
            pair("Sheldon and I have been friends for a long time.", "Donald Trump"),
            pair("I’m waiting for Michael Bloomberg to get in the race.", "Marie Sherry"),
            pair("the size of his following", "Richard J. Durbin"),
            pair("He has got a heck of an email list.", "Richard J. Durbin"),
            pair("the race is not over", "Hillary Clinton"),
        ]
    );
}

#[test]
fn relative_pronoun_is_the_mention_and_its_antecedent_the_speaker() {
    let d = doc(
        "Glenn Beck, who has repeatedly described Trump as “a pathological narcissistic sociopath,” spoke on Monday.",
        &[("Glenn Beck", Person, "Glenn Beck")],
    );
    let got = clauses_of(&d);
    assert_eq!(got.len(), 1);
    assert_eq!(
        (got[0].0.as_str(), got[0].3.as_str(), got[0].4.as_str()),
        ("a pathological narcissistic sociopath,", "Glenn Beck", "who")
    );
    assert_eq!(got[0].1, "Trump as “a pathological narcissistic sociopath,”");
}

#[test]
fn content_bounds_from_the_seeds() {
    let d = doc(
        "But on March 30, Dropsite News reported a clue: The deal included repatriation of Salvadoran gang members.\nAccording to NGO Cristosal, as reported by AP, the facility prohibits visitation.\nThe press office said he would not comment on the situation of Venezuelans when asked ahead of the visit.\nBukele said he would be making the prison system \"self-sustainable.\"",
        &[("Dropsite News", Org, "Dropsite News"), ("Cristosal", Org, "Cristosal"), ("Bukele", Person, "Nayib Bukele")],
    );
    let got: Vec<String> = extract(&d).iter().map(|q| q.span.text(&d.text).to_string()).collect();
    assert_eq!(
        got,
        vec![
            "The deal included repatriation of Salvadoran gang members",
            "the facility prohibits visitation",
            "he would not comment on the situation of Venezuelans",
            "he would be making the prison system \"self-sustainable.\"",
        ]
    );
}

#[test]
fn participle_after_a_quotation_and_subordinate_tail() {
    let d = doc(
        "Mr. Trump said, “I love Oreos,” adding, “I will never eat them again.”\nJeb Bush says he’s “excited where we stand” as he faces a critical primary.\nBut, Mr. Hannity said, ''I don't say anything privately that I don't say publicly.'' And, he acknowledged, it is unclear how far his advice goes.",
        &[("Trump", Person, "Donald Trump"), ("Jeb Bush", Person, "Jeb Bush"), ("Hannity", Person, "Sean Hannity")],
    );
    assert_eq!(
        clauses_of(&d),
        vec![
            c5("I love Oreos,", "I love Oreos,", Direct, "Donald Trump", "Mr. Trump"),
            c5("I will never eat them again.", "I will never eat them again.", Direct, "Donald Trump", "Mr. Trump"),
            c5("excited where we stand", "he’s “excited where we stand”", Mixed, "Jeb Bush", "Jeb Bush"),
            c5(
                "I don't say anything privately that I don't say publicly.",
                "I don't say anything privately that I don't say publicly.",
                Direct,
                "Sean Hannity",
                "Mr. Hannity"
            ),
            c5(
                "it is unclear how far his advice goes",
                "it is unclear how far his advice goes",
                Indirect,
                "Sean Hannity",
                "he"
            ),
        ]
    );
}

#[test]
fn quantifier_reflexive_and_agent_noun_subjects() {
    let d = doc(
        "Most said they were very worried about it.\n“We will see about that,” wrote one commenter.\nBy 58%-33%, those surveyed said the funding should stay.\nFord itself said the deal was on.",
        &[("Ford", Org, "Ford")],
    );
    let got: Vec<(String, String, SpeakerType)> =
        extract(&d).iter().map(|q| (q.span.text(&d.text).to_string(), q.speaker.clone(), q.speaker_type)).collect();
    let row = |a: &str, b: &str, t: SpeakerType| (a.to_string(), b.to_string(), t);
    assert_eq!(
        got,
        vec![
            row("they were very worried about it", "Most", SpeakerType::Group),
            row("We will see about that,", "one commenter", SpeakerType::Person),
            row("the funding should stay", "those surveyed", SpeakerType::Group),
            row("the deal was on", "Ford", SpeakerType::Org),
        ]
    );
}

#[test]
fn months_are_no_speakers_but_places_can_be() {
    let d = doc(
        "Clinton released her medical records in June, which showed she was fit for duty.\nRussia denied that its planes had entered Turkish airspace.",
        &[("Russia", EntityLabel::Loc, "Russia"), ("Clinton", Person, "Hillary Clinton")],
    );
    let got: Vec<(String, String)> =
        extract(&d).iter().map(|q| (q.span.text(&d.text).to_string(), q.speaker.clone())).collect();
    assert_eq!(got, vec![("its planes had entered Turkish airspace".to_string(), "Russia".to_string())]);
}

#[test]
fn prepositional_subjects_party_tags_and_inverted_asked() {
    let d = doc(
        "A spokesman for the buyer said there was a commitment to making this a showcase.\n''Big tax cuts do not work in an age of high inequality,'' James Pethokoukis of the American Enterprise Institute wrote recently.\nRep. Elijah Cummings (D-Md.), chair of the Platform Committee, said that the process was open.\n“How big is that wall?” asked the boy, who was wearing a hat.",
        &[("James Pethokoukis", Person, "James Pethokoukis"), ("American Enterprise Institute", Org, "American Enterprise Institute"), ("Elijah Cummings", Person, "Elijah Cummings")],
    );
    let q = extract(&d);
    let got: Vec<(String, String, Vec<String>)> = q
        .iter()
        .map(|q| {
            (
                q.speaker.clone(),
                q.speaker_mention.map_or(String::new(), |m| m.text(&d.text).to_string()),
                q.descriptions.clone(),
            )
        })
        .collect();
    let row = |a: &str, b: &str, c: &[&str]| {
        (a.to_string(), b.to_string(), c.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    };
    assert_eq!(
        got,
        vec![
            row("spokesman for the buyer", "A spokesman for the buyer", &[]),
            row(
                "James Pethokoukis",
                "James Pethokoukis of the American Enterprise Institute",
                &["of the American Enterprise Institute"]
            ),
            row("Elijah Cummings", "Rep. Elijah Cummings", &["Rep.", "chair of the Platform Committee"]),
            row("boy", "the boy", &[]),
        ]
    );
    assert_eq!(q[3].span.text(&d.text), "How big is that wall?");
}

#[test]
fn dash_asides_quoted_titles_in_asides_and_contracted_is() {
    let d = doc(
        "A former Republican presidential candidate -- John McCain, who lost the 2008 election -- said the president \"offered no changes to his strategy.\"\nHemsley, the co-author of \"Going Viral,\" about the spread of information, said the days of a unifying story are gone.\nTrump won Nevada. He’s predicting he will do “very, very well” in the next contest.",
        &[("John McCain", Person, "John McCain"), ("Hemsley", Person, "Philip Hemsley"), ("Trump", Person, "Donald Trump")],
    );
    let got: Vec<(String, String, String)> = extract(&d)
        .iter()
        .map(|q| {
            (
                q.span.text(&d.text).to_string(),
                q.speaker.clone(),
                q.speaker_mention.map_or(String::new(), |m| m.text(&d.text).to_string()),
            )
        })
        .collect();
    let row = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
    assert_eq!(
        got,
        vec![
            row("offered no changes to his strategy.", "John McCain", "John McCain"),
            row("the days of a unifying story are gone", "Philip Hemsley", "Hemsley"),
            row("very, very well", "Donald Trump", "He"),
        ]
    );
}

#[test]
fn more_speech_verbs_and_yet_another() {
    let d = doc(
        "“Is Obama profiling?” reacted Trump.\nTrump was reportedly yelling: “Get him the hell out of here!”\nYet another said, “Rubio is in a five-person battle for second place.”",
        &[("Trump", Person, "Donald Trump")],
    );
    let got: Vec<(String, String)> =
        extract(&d).iter().map(|q| (q.span.text(&d.text).to_string(), q.speaker.clone())).collect();
    let row = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        got,
        vec![
            row("Is Obama profiling?", "Donald Trump"),
            row("Get him the hell out of here!", "Donald Trump"),
            row("Rubio is in a five-person battle for second place.", "another"),
        ]
    );
}

#[test]
fn labels_mid_paragraph_and_with_party_tags() {
    let d = doc(
        "Clinton: \"Our goal is not to contain ISIS, but to destroy it.\" Bush: \"The mission is to destroy ISIS, not to contain it.\"\nRep. Trey Gowdy (R-S.C.): \"I have not heard anyone other than you ever cite that figure.\"",
        &[("Clinton", Person, "Hillary Clinton"), ("Bush", Person, "Jeb Bush"), ("Trey Gowdy", Person, "Trey Gowdy")],
    );
    let got: Vec<(String, QuoteKind, String)> =
        extract(&d).iter().map(|q| (q.span.text(&d.text).to_string(), q.kind, q.speaker.clone())).collect();
    let row = |a: &str, b: &str| (a.to_string(), Direct, b.to_string());
    assert_eq!(
        got,
        vec![
            row("Our goal is not to contain ISIS, but to destroy it.", "Hillary Clinton"),
            row("The mission is to destroy ISIS, not to contain it.", "Jeb Bush"),
            row("I have not heard anyone other than you ever cite that figure.", "Trey Gowdy"),
        ]
    );
}

#[test]
fn short_quotations_titles_in_tags_and_two_word_cues() {
    let d = doc(
        "“She just made it up,” he said of the claim during a call to ABC’s “This Week.”\n\"Quiet,\" he demanded, as Bush continued to interject.\n\"Jeb wants to be a tough guy tonight,\" Trump shot back.",
        &[("Trump", Person, "Donald Trump")],
    );
    let got: Vec<(String, String, String)> = extract(&d)
        .iter()
        .map(|q| {
            (
                q.span.text(&d.text).to_string(),
                q.cue.map_or(String::new(), |c| c.text(&d.text).to_string()),
                q.speaker_mention.map_or(String::new(), |m| m.text(&d.text).to_string()),
            )
        })
        .collect();
    let row = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
    assert_eq!(
        got,
        vec![
            row("She just made it up,", "said", "he"),
            row("Quiet,", "demanded", "he"),
            row("Jeb wants to be a tough guy tonight,", "shot back", "Trump"),
        ]
    );
}

#[test]
fn stance_cues_report_their_object_as_attributions() {
    // PolNeAR annotates endorsements, refusals, citations and evaluations as attributions;
    // newsmine writes them to `attributions.csv` (cue class `stance`), not `quotes.csv`.
    let d = doc(
        "On Friday, Mr. Carson endorsed Mr. Trump, calling him a friend.\nSome senators declined to comment on the bill.\n“We need steady hands,” Ramos said, referring to the ever-growing Hispanic community.\nRebel groups backed by Ankara have no choice.\nDeSantis said he has supported legislation that would target accreditation bodies.\nCruz called them on it:\n“The questions asked in this debate illustrate why the American people don’t trust the media.”\nThe White House rejected claims that officials had defied the court order, and said it would appeal.",
        &[("Carson", Person, "Ben Carson"), ("Trump", Person, "Donald Trump"), ("Ramos", Person, "Jorge Ramos"), ("Cruz", Person, "Ted Cruz")],
    );
    let all = super::extract(&d);
    let stances: Vec<(&str, &str, &str, &str)> = all
        .iter()
        .filter(|q| q.is_attribution())
        .map(|q| (q.cue.unwrap().text(&d.text), q.span.text(&d.text), q.speaker.as_str(), q.reports.as_str()))
        .collect();
    assert_eq!(
        stances,
        vec![
            // The object ends at the first comma; the participle after it is a stance of its own.
            ("endorsed", "Mr. Trump", "Ben Carson", "stance"),
            ("calling", "him a friend", "Ben Carson", "stance"),
            ("declined", "to comment on the bill", "Some senators", "stance"),
            // A two-word cue (`referring to`) keeps its particle.
            ("referring to", "the ever-growing Hispanic community", "Jorge Ramos", "stance"),
            ("rejected", "claims that officials had defied the court order", "White House", "stance"),
        ]
    );
    // Not attributions: a reduced passive (`backed by Ankara`), a stance inside reported speech
    // (`DeSantis said he has supported …` is one quote), an object before a colon that
    // introduces a quotation (`Cruz called them on it:`).
    let speech: Vec<(&str, &str)> =
        all.iter().filter(|q| !q.is_attribution()).map(|q| (q.span.text(&d.text), q.reports.as_str())).collect();
    assert_eq!(
        speech,
        vec![
            ("We need steady hands,", "speech"),
            ("he has supported legislation that would target accreditation bodies", "speech"),
            ("The questions asked in this debate illustrate why the American people don’t trust the media.", "speech"),
            ("it would appeal", "speech"),
        ]
    );
}

/// With the learned cue detector's word scores: unlisted cues frame attributions (`made it
/// clear`, `justified`), a learned object stops before a lexicon cue inside it, and a lexicon
/// cue the detector scores below `LEXICON_KEEP` is dropped.
#[test]
fn learned_cues_add_attributions_and_overrule_the_lexicon() {
    let text = "Cruz made it clear that he would stay in the race.\n\
                Trump justified the measure by claiming that the gang was invading the country.\n\
                The report said nothing new about the deal.";
    let mut d = doc(text, &[("Cruz", Person, "Ted Cruz"), ("Trump", Person, "Donald Trump")]);
    let scored = |w: &str, p: f32| {
        let at = text.find(w).unwrap();
        (Span::new(at, at + w.len()), p)
    };
    // `said` in the third line is scored 0.1: under LEXICON_KEEP, so no cue.
    d.cue_words = Some(vec![
        scored("made", 0.9),
        scored("it clear", 0.8),
        scored("justified", 0.8),
        scored("claiming", 0.9),
        scored("said", 0.1),
    ]);
    let all = super::extract(&d);
    let got: Vec<(&str, &str, &str, CueClass, bool)> = all
        .iter()
        .map(|q| (q.cue.unwrap().text(text), q.span.text(text), q.speaker.as_str(), q.reports, q.is_attribution()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("made it clear", "he would stay in the race", "Ted Cruz", CueClass::Other, true),
            ("justified", "the measure", "Donald Trump", CueClass::Other, true),
            ("claiming", "the gang was invading the country", "Donald Trump", CueClass::Speech, false),
        ]
    );
    // Without the detector the lexicon alone decides: `said` frames the third line.
    d.cue_words = None;
    let lexicon: Vec<&str> = super::extract(&d).iter().map(|q| q.cue.unwrap().text(text)).collect();
    assert_eq!(lexicon, ["claiming", "said"]);
}

/// Role scores for every word of `text` (`roles::tests::words` splits words the way the NER
/// words do: letters and digits together, any other character alone): `content` words get
/// content 0.9, `source` words source 0.9 and `cue` words cue 0.9; the rest 0.01.
fn role_scores(text: &str, cue: &[&str], content: &[&str], source: &[&str]) -> Vec<(Span, crate::doc::RoleScores)> {
    let inside = |list: &[&str], s: Span| {
        list.iter().any(|p| text.match_indices(p).any(|(at, _)| at <= s.start && s.end <= at + p.len()))
    };
    super::roles::tests::words(text)
        .into_iter()
        .map(|s| {
            let p = |list: &[&str]| if inside(list, s) { 0.9 } else { 0.01 };
            (s, crate::labels::RoleScores([p(cue), p(content), p(source)]))
        })
        .collect()
}

/// With the role tagger's word scores: content no frame covers becomes an attribution with
/// the tagged cue and source (`roared`, outside the lexicon), a frame's subject the tagger does
/// not score as a source (`a statement`) gives way to the one it does (`she`), an indirect row
/// takes the bounds of the tagged content (`in every state he visited` is not reported), and a
/// quotation opening a paragraph takes the cue and source of a lead-in closing the one before.
#[test]
fn role_tags_add_attributions_fix_sources_and_content_bounds() {
    let text = "As Trump spoke, the attendees roared, “Lock her up now!”\n\
                At the time, she released a statement saying, “We are confident in our partner.”\n\
                Paul Ryan said the deal was bad for workers in every state he visited.\n\
                In response to the attack, the governor issued the following statement:\n\
                “Our prayers are with the families tonight.”";
    let mut d = doc(text, &[("Trump", Person, "Donald Trump"), ("Paul Ryan", Person, "Paul Ryan")]);
    d.roles = Some(role_scores(
        text,
        &["roared", "released a statement saying", "said", "issued the following"],
        &[
            "Lock her up now!",
            "We are confident in our partner.",
            "the deal was bad for workers",
            "Our prayers are with the families tonight.",
        ],
        &["the attendees", "she", "Paul Ryan", "the governor"],
    ));
    let got: Vec<(&str, &str, &str, &str, QuoteKind)> = super::extract(&d)
        .iter()
        .map(|q| {
            (
                q.cue.unwrap().text(text),
                q.clause.text(text),
                q.speaker_mention.map_or("", |m| m.text(text)),
                q.reports.as_str(),
                q.kind,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("roared", "Lock her up now!", "the attendees", "other", QuoteKind::Direct),
            ("saying", "We are confident in our partner.", "she", "speech", QuoteKind::Direct),
            ("said", "the deal was bad for workers", "Paul Ryan", "speech", QuoteKind::Indirect),
            (
                "issued the following",
                "Our prayers are with the families tonight.",
                "the governor",
                "other",
                QuoteKind::Direct
            ),
        ]
    );
    // Without the tagger: no row for the chant, the frame's own subject and bounds.
    d.roles = None;
    let rules: Vec<(&str, &str, &str)> = super::extract(&d)
        .iter()
        .map(|q| (q.cue.unwrap().text(text), q.clause.text(text), q.speaker_mention.map_or("", |m| m.text(text))))
        .collect();
    assert_eq!(
        rules,
        vec![
            ("saying", "We are confident in our partner.", "a statement"),
            ("said", "the deal was bad for workers in every state he visited", "Paul Ryan"),
        ]
    );
}

#[test]
fn a_participle_after_before_and_tag_verbs_of_opinion_and_interruption() {
    // `Trump said before adding: “…”`: the participle frames the second quotation (it used to
    // fall to `said`, one row for both). `opined`, `interjected`, `riffed`, `remarking` and
    // `elaborated` tag quotations; `chided` evaluates its object like `criticized`.
    let d = doc(
        "“If she gets to pick her judges, nothing you can do, folks,” Trump said before adding: “Though the Second Amendment people, maybe there is.”\n\
         “Gun owners should leave their weapons at home,” opined the Plain Dealer.\n\
         Silverman interjected, “Ladies and gentlemen, please welcome Paul Simon.”\n\
         “Governor Hassan, let me help you out,” the nominee riffed.\n\
         Obama spoke last, remarking that “nobody has ever been more qualified.”\n\
         Clinton chided Trump for his “reckless and dangerous” remarks.\n\
         “The way I see it,” Woods elaborated, “no one ever questioned his sacrifice.”",
        &[("Trump", Person, "Donald Trump"), ("Plain Dealer", Org, "The Plain Dealer"), ("Silverman", Person, "Sarah Silverman"), ("Obama", Person, "Barack Obama"), ("Clinton", Person, "Hillary Clinton"), ("Woods", Person, "Dorothy Woods")],
    );
    let q = super::extract(&d);
    let got: Vec<(&str, &str, &str)> =
        q.iter().map(|x| (x.span.text(&d.text), x.cue.map_or("", |c| c.text(&d.text)), x.speaker.as_str())).collect();
    assert_eq!(
        got,
        vec![
            ("If she gets to pick her judges, nothing you can do, folks,", "said", "Donald Trump"),
            ("Though the Second Amendment people, maybe there is.", "adding", "Donald Trump"),
            ("Gun owners should leave their weapons at home,", "opined", "The Plain Dealer"),
            ("Ladies and gentlemen, please welcome Paul Simon.", "interjected", "Sarah Silverman"),
            ("Governor Hassan, let me help you out,", "riffed", "nominee"),
            ("nobody has ever been more qualified.", "remarking", "Barack Obama"),
            ("reckless and dangerous", "chided", "Hillary Clinton"),
            ("The way I see it,", "elaborated", "Dorothy Woods"),
            ("no one ever questioned his sacrifice.", "elaborated", "Dorothy Woods"),
        ]
    );
}

#[test]
fn coordinated_cue_after_an_adverb_and_a_tagged_quotation_followed_up() {
    // `…, but now said Trump had “…”`: the clause's subject speaks past `but now`, and the
    // quotation opening the next paragraph follows that quotation up.
    let text = "Thomas Massie used to support Rand Paul, but now said Trump had “the opportunity and the obligation to bring us together.”\n\
                “I think he can do that, but the biggest unifier we got is Hillary Clinton.”";
    let d = doc(
        text,
        &[
            ("Thomas Massie", Person, "Thomas Massie"),
            ("Trump", Person, "Donald Trump"),
            ("Rand Paul", Person, "Rand Paul"),
            ("Hillary Clinton", Person, "Hillary Clinton"),
        ],
    );
    let q = extract(&d);
    let got: Vec<(&str, &str, &str, QuoteKind)> = q
        .iter()
        .map(|q| (q.clause.text(text), q.cue.map_or("", |c| c.text(text)), q.speaker.as_str(), q.kind))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Trump had “the opportunity and the obligation to bring us together.”", "said", "Thomas Massie", Mixed),
            (
                "I think he can do that, but the biggest unifier we got is Hillary Clinton.",
                "said",
                "Thomas Massie",
                Direct
            ),
        ]
    );
    // A quotation the role tagger alone attributes (`crowed`, outside the lexicon) is followed
    // up the same way: the next paragraph's quotation keeps its speaker and cue.
    let text = "Then the senator crowed, “We have the votes and we will win this fight.”\n\
                “Nobody can stop us now, not even the leadership.”";
    let mut d = doc(text, &[]);
    d.roles =
        Some(role_scores(text, &["crowed"], &["We have the votes and we will win this fight."], &["the senator"]));
    let q = super::extract(&d);
    let got: Vec<(&str, &str, &str)> =
        q.iter().map(|q| (q.span.text(text), q.cue.map_or("", |c| c.text(text)), q.speaker.as_str())).collect();
    assert_eq!(
        got,
        vec![
            ("We have the votes and we will win this fight.", "crowed", "senator"),
            ("Nobody can stop us now, not even the leadership.", "crowed", "senator"),
        ]
    );
}

#[test]
fn a_short_statement_a_speech_verb_introduces_is_a_quotation() {
    // Two words after `said,` or `asked:` are a whole statement, like two words that open a
    // sentence before their tag; a two-word term after `called` stays a term.
    let d = doc(
        "Robby Mook laughed and said, “We’ll see.”\n\
         Norah O’Donnell then asked: “Really?”\n\
         Trump called the report “fake news.”",
        &[
            ("Robby Mook", Person, "Robby Mook"),
            ("Norah O’Donnell", Person, "Norah O’Donnell"),
            ("Trump", Person, "Donald Trump"),
        ],
    );
    let q = extract(&d);
    let got: Vec<(&str, &str, QuoteKind, &str)> = q
        .iter()
        .map(|x| (x.span.text(&d.text), x.cue.map_or("", |c| c.text(&d.text)), x.kind, x.speaker.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("We’ll see.", "said", Direct, "Robby Mook"),
            ("Really?", "asked", Direct, "Norah O’Donnell"),
            ("fake news.", "called", Mixed, "Donald Trump")
        ]
    );
}

#[test]
fn a_hyphenated_modifier_and_a_place_aside_before_the_cue() {
    // `the conservative-leaning newspaper wrote`: a hyphenated compound modifies the subject
    // (it used to end the phrase, and the quotation fell to the previous speaker). `Cory James,
    // 22, of Flint, Mich., said`: the place is an aside, not the speaker.
    let d = doc(
        "The Wall Street Journal called on Trump to get his act together.\n\
         “He needs to stop blaming everyone else and turn the nomination over to Mike Pence,” the conservative-leaning newspaper wrote.\n\
         Cory James, 22, of Flint, Mich., said he had not given up hope that Sanders could pull a surprise.",
        &[("Wall Street Journal", Org, "The Wall Street Journal"), ("Trump", Person, "Donald Trump"), ("Mike Pence", Person, "Mike Pence"), ("Cory James", Person, "Cory James"), ("Flint", EntityLabel::Loc, "Flint"), ("Sanders", Person, "Bernie Sanders")],
    );
    let q = extract(&d);
    let row = |start: &str| {
        q.iter().find(|q| q.span.text(&d.text).starts_with(start)).unwrap_or_else(|| panic!("a row for {start}"))
    };
    let wrote = row("He needs");
    assert_eq!(
        (wrote.cue.map(|c| c.text(&d.text)), wrote.speaker_mention.map(|m| m.text(&d.text))),
        (Some("wrote"), Some("the conservative-leaning newspaper"))
    );
    let james = row("he had not");
    assert_eq!(
        (james.speaker.as_str(), james.speaker_mention.map(|m| m.text(&d.text))),
        ("Cory James", Some("Cory James"))
    );
}
