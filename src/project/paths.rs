//! Paths inside the project folder: how `konzept.toml` names a file, and how
//! messages show it.

use std::path::{Component, Path, PathBuf};

/// The path of `p` relative to `root`, with `/`, for messages.
pub fn display_path(root: &Path, p: &Path) -> String {
    let rel = p.strip_prefix(root).unwrap_or(p);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Office lock files: `~$name.xlsx` (Excel), `.~lock.name#` (LibreOffice).
pub fn is_lock_file(name: &str) -> bool {
    name.starts_with("~$") || (name.starts_with(".~lock.") && name.ends_with('#'))
}

/// Resolves a path from `konzept.toml` inside the project; refuses absolute
/// paths and anything that leaves the project folder (also through symlinks).
pub fn project_path(root: &Path, rel: &str) -> Result<PathBuf, String> {
    let p = Path::new(rel);
    if p.is_absolute()
        || p.components().any(|c| {
            matches!(
                c,
                Component::ParentDir | Component::Prefix(_) | Component::RootDir
            )
        })
    {
        return Err(format!(
            "der Pfad „{rel}“ führt aus dem Projektordner hinaus"
        ));
    }
    let full = root.join(p);
    if let (Ok(canon), Ok(canon_root)) = (full.canonicalize(), root.canonicalize()) {
        if !canon.starts_with(&canon_root) {
            return Err(format!(
                "der Pfad „{rel}“ verweist (über eine Verknüpfung) aus dem Projektordner hinaus"
            ));
        }
    }
    Ok(full)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_files() {
        assert!(is_lock_file("~$ag-bildung.xlsx"));
        assert!(is_lock_file(".~lock.ag-bildung.xlsx#"));
        assert!(!is_lock_file("ag-bildung.xlsx"));
    }

    #[test]
    fn paths_outside_refused() {
        let root = Path::new("/tmp");
        assert!(project_path(root, "../etc/passwd").is_err());
        assert!(project_path(root, "/etc/passwd").is_err());
        assert!(project_path(root, "logo.png").is_ok());
    }
}
