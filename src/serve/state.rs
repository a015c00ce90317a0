//! The state of a running server: the project, its fields, the links, the
//! build in progress and the upload counters.

use super::access::{Access, Role};
use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Settings of `konzept serve`.
#[derive(Debug, Clone)]
pub struct Options {
    /// Largest upload in bytes (default 20 MB).
    pub upload_limit: usize,
    /// Uploads per minute and link.
    pub uploads_per_minute: usize,
    /// How long Typst may take for one build.
    pub time_limit: Duration,
    /// `https` when the server itself speaks TLS.
    pub tls: bool,
    /// The report round shown (`--jahr`); none: the newest under `sachstand/`.
    pub jahr: Option<i32>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            upload_limit: 20 * 1024 * 1024,
            uploads_per_minute: 10,
            time_limit: Duration::from_secs(300),
            tls: false,
            jahr: None,
        }
    }
}

/// A field of action as the server knows it.
#[derive(Debug, Clone)]
pub struct Field {
    pub name: String,
    pub kurz: String,
    /// The file name the field's workbook gets (`ag-bildung.xlsx`); the
    /// extension follows the uploaded file.
    pub file: String,
}

impl Field {
    pub fn role(&self) -> Role {
        Role::Feld(self.kurz.clone())
    }

    pub fn stem(&self) -> &str {
        self.file.rsplit_once('.').map_or(&self.file, |(s, _)| s)
    }
}

/// The state of „Konzept erstellen“.
#[derive(Debug, Clone, Default)]
pub enum BuildState {
    #[default]
    Nie,
    Laeuft {
        seit: Instant,
    },
    Fertig {
        /// UTC time of the end.
        zeit: String,
        /// File names in `ausgabe/` with a description.
        dateien: Vec<(String, String)>,
        /// The problems (errors stop the build).
        meldungen: Vec<crate::diag::Diagnostic>,
        erfolg: bool,
    },
}

/// Everything the handlers share.
pub struct App {
    pub root: PathBuf,
    /// Folder of the working groups' workbooks (`arbeitsgruppen/`).
    pub workbooks: PathBuf,
    /// The output folder (`[ausgabe] verzeichnis`).
    pub output: PathBuf,
    pub fields: Vec<Field>,
    pub options: Options,
    pub access: Mutex<Access>,
    /// Uploads replace files one at a time.
    pub writing: tokio::sync::Mutex<()>,
    /// Builds run one at a time.
    pub building: std::sync::Arc<tokio::sync::Mutex<()>>,
    pub build: Mutex<BuildState>,
    /// The state of „Sachstandsbericht erstellen“ (same lock `building`).
    pub report_build: Mutex<BuildState>,
    /// The first pages of the last concept as PNG.
    pub preview: Mutex<Vec<Vec<u8>>>,
    uploads: Mutex<HashMap<Role, VecDeque<Instant>>>,
}

impl App {
    /// Opens the project in `root`: reads konzept.toml for the fields and
    /// creates the links on first use.
    pub fn open(root: &Path, options: Options) -> Result<App, String> {
        let checked = crate::pipeline::check(root);
        let Some(config) = checked.config.as_ref() else {
            return Err(format!(
                "das Projekt in „{}“ kann nicht gelesen werden:\n{}",
                root.display(),
                checked.diagnostics.render_text()
            ));
        };
        let fields_cfg = crate::config::fields(config);
        let names = crate::new::workbook_names(&fields_cfg);
        let fields: Vec<Field> = fields_cfg
            .iter()
            .zip(names)
            .map(|(f, file)| Field {
                name: f.name.clone(),
                kurz: f.kurz.clone(),
                file,
            })
            .collect();
        let pattern = config
            .eingaben
            .arbeitsgruppen
            .first()
            .cloned()
            .unwrap_or_else(|| crate::new::AG_DIR.into());
        let workbooks = root.join(crate::new::pattern_folder(&pattern));
        let output = crate::project::project_path(root, &config.ausgabe.verzeichnis)
            .map_err(|e| format!("`ausgabe.verzeichnis` in konzept.toml: {e}"))?;
        if let Some(jahr) = options.jahr {
            check_year(root, jahr)?;
        }
        let mut roles = vec![Role::Koordination];
        roles.extend(fields.iter().map(Field::role));
        let access = Access::open(root, &roles)?;
        Ok(App {
            root: root.to_path_buf(),
            workbooks,
            output,
            fields,
            options,
            access: Mutex::new(access),
            writing: tokio::sync::Mutex::new(()),
            building: std::sync::Arc::new(tokio::sync::Mutex::new(())),
            build: Mutex::new(BuildState::Nie),
            report_build: Mutex::new(BuildState::Nie),
            preview: Mutex::new(Vec::new()),
            uploads: Mutex::new(HashMap::new()),
        })
    }

    pub fn roles(&self) -> Vec<Role> {
        let mut roles = vec![Role::Koordination];
        roles.extend(self.fields.iter().map(Field::role));
        roles
    }

    /// The role of a link's token, if it is a current one.
    pub fn role_of(&self, token: &str) -> Option<Role> {
        let access = self.access.lock().ok()?;
        access.verify(token, &self.roles())
    }

    pub fn token(&self, role: &Role) -> Option<String> {
        self.access.lock().ok()?.token(role)
    }

    pub fn field(&self, kurz: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.kurz == kurz)
    }

    /// The access links: (name, role, path `/<token>/`).
    pub fn links(&self) -> Vec<(String, Role, String)> {
        let mut out = Vec::new();
        let mut push = |name: String, role: Role| {
            if let Some(t) = self.token(&role) {
                out.push((name, role, format!("/{t}/")));
            }
        };
        push("Koordination".into(), Role::Koordination);
        for f in &self.fields {
            push(format!("Arbeitsgruppe {}", f.name), f.role());
        }
        out
    }

    /// Counts an upload of `role`; false if the link has used up its
    /// uploads of the last minute.
    pub fn allow_upload(&self, role: &Role) -> bool {
        let Ok(mut map) = self.uploads.lock() else {
            return false;
        };
        let now = Instant::now();
        let times = map.entry(role.clone()).or_default();
        while times
            .front()
            .is_some_and(|t| now.duration_since(*t) > Duration::from_secs(60))
        {
            times.pop_front();
        }
        if times.len() >= self.options.uploads_per_minute {
            return false;
        }
        times.push_back(now);
        true
    }
}

/// The report years of the project, oldest first.
fn years(root: &Path) -> Vec<i32> {
    let mut out: Vec<i32> = std::fs::read_dir(root.join(crate::report::FOLDER))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().to_str()?.parse().ok())
        .collect();
    out.sort_unstable();
    out
}

/// `konzept serve --jahr J`: the round must exist.
fn check_year(root: &Path, jahr: i32) -> Result<(), String> {
    if root
        .join(crate::report::FOLDER)
        .join(jahr.to_string())
        .is_dir()
    {
        return Ok(());
    }
    let known = years(root);
    let hint = if known.is_empty() {
        format!("die Runde mit `konzept report new --jahr {jahr}` beginnen oder --jahr weglassen")
    } else {
        let list: Vec<String> = known.iter().map(ToString::to_string).collect();
        format!(
            "die Runde mit `konzept report new --jahr {jahr}` beginnen oder ein vorhandenes Jahr angeben: {}",
            list.join(", ")
        )
    };
    Err(format!(
        "--jahr {jahr}: für {jahr} gibt es keinen Sachstandsbericht (der Ordner „{}/{jahr}“ fehlt)\n  hinweis: {hint}",
        crate::report::FOLDER
    ))
}
