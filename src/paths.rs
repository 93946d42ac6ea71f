//! Where the model folder is, for a binary that may run from a clone or from an install
//! (`scripts/install.sh`: `PREFIX/bin/newsmine` beside `PREFIX/share/newsmine/models/ner`).
//!
//! The library reads no environment: the binary hands [`find_model`] what it knows (the
//! `--model` flag, the `NEWSMINE_MODEL` variable, the current folder, the executable's path)
//! and passes the folder found on to the stages that load the model.

use std::path::{Path, PathBuf};

/// The model folder of a clone, relative to the current folder.
pub const CLONE_MODEL: &str = "models/ner";

/// The model folder of an install, relative to the executable's folder (`PREFIX/bin`).
pub const INSTALLED_MODEL: &str = "../share/newsmine/models/ner";

/// What the binary knows about where the model may be.
#[derive(Debug, Clone, Default)]
pub struct ModelSearch {
    /// `--model`: when given, the only place tried.
    pub flag: Option<PathBuf>,
    /// `NEWSMINE_MODEL`: when set (and no flag), the only place tried.
    pub env: Option<PathBuf>,
    /// The folder `models/ner` is looked for in: the current folder, given as the empty path
    /// so that messages say `models/ner`.
    pub cwd: PathBuf,
    /// The running executable (`std::env::current_exe`), when known.
    pub exe: Option<PathBuf>,
}

/// No model folder (one with a `config.json`) at any of the places tried.
#[derive(Debug)]
pub struct ModelNotFound {
    /// Each place tried, with why it was a candidate, in order.
    pub tried: Vec<(PathBuf, &'static str)>,
}

impl std::error::Error for ModelNotFound {}

impl std::fmt::Display for ModelNotFound {
    /// An explicit place is named with the flag or variable that gave it; guesses are listed.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let [(path, why)] = self.tried.as_slice() {
            if *why == FLAG || *why == VARIABLE {
                return write!(f, "{why} {}: not a model folder (no config.json)", path.display());
            }
        }
        let places: Vec<String> = self.tried.iter().map(|(p, why)| format!("{} ({why})", p.display())).collect();
        write!(f, "no model folder found; tried {}; give one with --model or NEWSMINE_MODEL", places.join(", "))
    }
}

const FLAG: &str = "--model";
const VARIABLE: &str = "NEWSMINE_MODEL";

impl ModelSearch {
    /// The places to try, in order: the flag, else the variable, else `models/ner` in the
    /// current folder (a clone), then `../share/newsmine/models/ner` beside the executable.
    /// An explicit flag or variable is never passed over for a guess: a typo should fail.
    pub fn candidates(&self) -> Vec<(PathBuf, &'static str)> {
        if let Some(flag) = &self.flag {
            return vec![(flag.clone(), FLAG)];
        }
        if let Some(env) = &self.env {
            return vec![(env.clone(), VARIABLE)];
        }
        let mut places = vec![(self.cwd.join(CLONE_MODEL), "in the current folder")];
        if let Some(dir) = self.exe.as_deref().and_then(Path::parent) {
            places.push((dir.join(INSTALLED_MODEL), "beside the executable"));
        }
        places
    }
}

/// The first candidate of `search` that is a model folder (holds `config.json`).
///
/// ```
/// use newsmine::paths::{find_model, ModelSearch};
/// let search = ModelSearch { flag: Some("/nope".into()), ..Default::default() };
/// let err = find_model(&search).unwrap_err();
/// assert_eq!(err.to_string(), "--model /nope: not a model folder (no config.json)");
/// ```
pub fn find_model(search: &ModelSearch) -> Result<PathBuf, ModelNotFound> {
    let tried = search.candidates();
    match tried.iter().find(|(p, _)| p.join("config.json").is_file()) {
        Some((found, _)) => Ok(found.clone()),
        None => Err(ModelNotFound { tried }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model_at(dir: &Path) -> PathBuf {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join("config.json"), "{}").unwrap();
        dir.to_path_buf()
    }

    #[test]
    fn the_flag_then_the_variable_win_and_are_never_passed_over() {
        let tmp = tempfile::tempdir().unwrap();
        let (a, b) = (model_at(&tmp.path().join("a")), model_at(&tmp.path().join("b")));
        let both = ModelSearch { flag: Some(a.clone()), env: Some(b.clone()), ..Default::default() };
        assert_eq!(find_model(&both).unwrap(), a);
        let env = ModelSearch { env: Some(b.clone()), ..Default::default() };
        assert_eq!(find_model(&env).unwrap(), b);
        let typo = ModelSearch { flag: Some(tmp.path().join("c")), env: Some(b), ..Default::default() };
        let err = find_model(&typo).unwrap_err();
        assert_eq!(err.tried, vec![(tmp.path().join("c"), "--model")]);
        let shown = format!("--model {}: not a model folder (no config.json)", tmp.path().join("c").display());
        assert_eq!(err.to_string(), shown);
    }

    #[test]
    fn an_install_finds_the_model_beside_its_executable_and_the_error_lists_the_places() {
        let prefix = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(prefix.path().join("bin")).unwrap(); // `bin/..` resolves only if it exists
        let exe = prefix.path().join("bin/newsmine");
        let search = ModelSearch { cwd: elsewhere.path().into(), exe: Some(exe), ..Default::default() };
        let err = find_model(&search).unwrap_err();
        let installed = prefix.path().join("bin").join(INSTALLED_MODEL);
        assert_eq!(
            err.to_string(),
            format!(
                "no model folder found; tried {} (in the current folder), {} (beside the executable); give one \
                 with --model or NEWSMINE_MODEL",
                elsewhere.path().join("models/ner").display(),
                installed.display()
            )
        );
        model_at(&prefix.path().join("share/newsmine/models/ner"));
        assert_eq!(find_model(&search).unwrap(), installed);
        // A clone's own model comes first.
        let clone = model_at(&elsewhere.path().join("models/ner"));
        assert_eq!(find_model(&search).unwrap(), clone);
        let here = ModelSearch { exe: search.exe.clone(), ..Default::default() };
        assert_eq!(here.candidates()[0].0, PathBuf::from("models/ner"));
    }
}
