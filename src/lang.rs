//! Language detection with whatlang on the document body. Only English is extracted from;
//! a reliable detection of another language marks the document `skipped`.

/// What the detector says about a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Detected {
    /// ISO 639-1 code where one exists (`en`, `es`), else whatlang's ISO 639-3 code.
    pub code: String,
    pub confidence: f64,
    pub english: bool,
    pub reliable: bool,
}

/// ISO 639-3 -> 639-1 for the languages whatlang knows that have a two-letter code.
const ISO_639_1: &[(&str, &str)] = &[
    ("eng", "en"),
    ("spa", "es"),
    ("por", "pt"),
    ("fra", "fr"),
    ("deu", "de"),
    ("ita", "it"),
    ("nld", "nl"),
    ("rus", "ru"),
    ("ukr", "uk"),
    ("pol", "pl"),
    ("ces", "cs"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("hrv", "hr"),
    ("srp", "sr"),
    ("bul", "bg"),
    ("ron", "ro"),
    ("hun", "hu"),
    ("fin", "fi"),
    ("swe", "sv"),
    ("dan", "da"),
    ("nob", "nb"),
    ("est", "et"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("ell", "el"),
    ("tur", "tr"),
    ("ara", "ar"),
    ("heb", "he"),
    ("pes", "fa"),
    ("urd", "ur"),
    ("hin", "hi"),
    ("ben", "bn"),
    ("mar", "mr"),
    ("nep", "ne"),
    ("tam", "ta"),
    ("tel", "te"),
    ("kan", "kn"),
    ("mal", "ml"),
    ("guj", "gu"),
    ("pan", "pa"),
    ("ori", "or"),
    ("sin", "si"),
    ("tha", "th"),
    ("vie", "vi"),
    ("ind", "id"),
    ("jav", "jv"),
    ("tgl", "tl"),
    ("cmn", "zh"),
    ("jpn", "ja"),
    ("kor", "ko"),
    ("kat", "ka"),
    ("hye", "hy"),
    ("aze", "az"),
    ("uzb", "uz"),
    ("kaz", "kk"),
    ("bel", "be"),
    ("mkd", "mk"),
    ("epo", "eo"),
    ("lat", "la"),
    ("afr", "af"),
    ("zul", "zu"),
    ("sna", "sn"),
    ("aka", "ak"),
    ("yid", "yi"),
    ("khm", "km"),
    ("mya", "my"),
    ("amh", "am"),
    ("cat", "ca"),
    ("tuk", "tk"),
];

/// Detects the language of `text`; `None` when the text gives the detector nothing to go on.
pub fn detect(text: &str) -> Option<Detected> {
    let info = whatlang::detect(text)?;
    let code3 = info.lang().code();
    let code = ISO_639_1.iter().find(|(c3, _)| *c3 == code3).map_or(code3, |(_, c1)| *c1).to_string();
    Some(Detected {
        code,
        confidence: info.confidence(),
        english: info.lang() == whatlang::Lang::Eng,
        reliable: info.is_reliable(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_english_and_spanish() {
        let en = detect(
            "The United States is paying the Central American country six million dollars to hold the deportees.",
        )
        .unwrap();
        assert_eq!(en.code, "en");
        assert!(en.english);
        let es = detect("El gobierno de El Salvador recibió a los deportados en la cárcel de máxima seguridad, según informaron las autoridades.").unwrap();
        assert_eq!(es.code, "es");
        assert!(!es.english && es.reliable);
    }
}
