//! The secret links of `konzept serve`: one for the Koordination, one per
//! field of action. A link's token is derived from a random key (32 bytes
//! from the operating system, in `.konzept-serve/schluessel`, readable only
//! by its owner) and the link's generation, so that `konzept serve --links`
//! can show the links again; the tokens themselves are never stored: the
//! server keeps and compares only their SHA-256 hashes (in constant time).
//! Renewing a link raises its generation: the old link then gets 404.

use base64::Engine;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use subtle::ConstantTimeEq;

/// The folder of the server's state inside the project folder.
pub const STATE_DIR: &str = ".konzept-serve";
const KEY_FILE: &str = "schluessel";
const ACCESS_FILE: &str = "zugang.json";
/// Bytes of a token: 192 random-looking bits.
const TOKEN_BYTES: usize = 24;

/// Who a link belongs to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Role {
    Koordination,
    /// A field of action, by its short name (`kurz`).
    Feld(String),
}

impl Role {
    /// The role as the audit log names it: `koordination`, `feld:B`.
    pub fn label(&self) -> String {
        match self {
            Role::Koordination => "koordination".into(),
            Role::Feld(k) => format!("feld:{k}"),
        }
    }
}

/// What is stored per link: its generation and the hash of its token.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    generation: u32,
    sha256: String,
}

/// The links of one project.
pub struct Access {
    dir: PathBuf,
    key: [u8; 32],
    entries: BTreeMap<String, Entry>,
}

fn io_err(what: &Path, e: std::io::Error) -> String {
    format!(
        "„{}“ kann nicht gelesen oder geschrieben werden: {e}; der Server braucht Schreibrechte im Projektordner",
        what.display()
    )
}

impl Access {
    /// Opens (or, on first use, creates) the key and the link file in
    /// `root/.konzept-serve/`, with a link for every role in `roles`.
    pub fn open(root: &Path, roles: &[Role]) -> Result<Access, String> {
        let dir = root.join(STATE_DIR);
        std::fs::create_dir_all(&dir).map_err(|e| io_err(&dir, e))?;
        let key = load_key(&dir.join(KEY_FILE))?;
        let file = dir.join(ACCESS_FILE);
        let entries: BTreeMap<String, Entry> = match std::fs::read(&file) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
                format!(
                    "„{}“ ist beschädigt ({e}); die Datei löschen, dann erhalten alle Zugänge neue Links",
                    file.display()
                )
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => BTreeMap::new(),
            Err(e) => return Err(io_err(&file, e)),
        };
        let mut access = Access { dir, key, entries };
        let mut changed = false;
        for role in roles {
            if !access.entries.contains_key(&role.label()) {
                access.set(role, 1);
                changed = true;
            }
        }
        if changed {
            access.save()?;
        }
        Ok(access)
    }

    fn token_of(&self, role: &Role, generation: u32) -> String {
        let mut h = Sha256::new();
        h.update(self.key);
        h.update(role.label().as_bytes());
        h.update([0]);
        h.update(generation.to_be_bytes());
        let digest = h.finalize();
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&digest[..TOKEN_BYTES])
    }

    fn set(&mut self, role: &Role, generation: u32) {
        let token = self.token_of(role, generation);
        self.entries.insert(
            role.label(),
            Entry {
                generation,
                sha256: hash_hex(&token),
            },
        );
    }

    fn save(&self) -> Result<(), String> {
        let file = self.dir.join(ACCESS_FILE);
        let json = serde_json::to_vec_pretty(&self.entries).unwrap_or_default();
        crate::output::write_atomic(&file, &json).map_err(|e| io_err(&file, e))
    }

    /// The current token of `role` (to print or show its link).
    pub fn token(&self, role: &Role) -> Option<String> {
        let e = self.entries.get(&role.label())?;
        Some(self.token_of(role, e.generation))
    }

    /// The role whose current token is `token`; every stored hash is
    /// compared, each in constant time.
    pub fn verify(&self, token: &str, roles: &[Role]) -> Option<Role> {
        let presented = Sha256::digest(token.as_bytes());
        let mut found = None;
        for role in roles {
            let Some(e) = self.entries.get(&role.label()) else {
                continue;
            };
            let Some(stored) = from_hex(&e.sha256) else {
                continue;
            };
            if bool::from(stored.as_slice().ct_eq(presented.as_slice())) {
                found = Some(role.clone());
            }
        }
        found
    }

    /// Gives `role` a new link; the old one no longer works.
    pub fn renew(&mut self, role: &Role) -> Result<(), String> {
        let next = self
            .entries
            .get(&role.label())
            .map_or(1, |e| e.generation + 1);
        self.set(role, next);
        self.save()
    }
}

fn hash_hex(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn from_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// The key of the links: read, or made from 32 random bytes of the
/// operating system and written readable only by its owner.
fn load_key(path: &Path) -> Result<[u8; 32], String> {
    match std::fs::read(path) {
        Ok(bytes) if bytes.len() == 32 => {
            let mut key = [0u8; 32];
            key.copy_from_slice(&bytes);
            Ok(key)
        }
        Ok(_) => Err(format!(
            "„{}“ ist beschädigt; die Datei löschen, dann erhalten alle Zugänge neue Links",
            path.display()
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let mut key = [0u8; 32];
            getrandom::fill(&mut key).map_err(|e| {
                format!("das Betriebssystem liefert keine Zufallszahlen für die Links ({e})")
            })?;
            // write_atomic keeps the private mode of its temporary file only
            // for new files if we set it afterwards: write, then restrict.
            crate::output::write_atomic(path, &key).map_err(|e| io_err(path, e))?;
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
                    .map_err(|e| io_err(path, e))?;
            }
            Ok(key)
        }
        Err(e) => Err(io_err(path, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_verify_until_renewed() {
        let dir = tempfile::tempdir().unwrap();
        let roles = [Role::Koordination, Role::Feld("B".into())];
        let mut a = Access::open(dir.path(), &roles).unwrap();
        let k = a.token(&Role::Koordination).unwrap();
        let b = a.token(&roles[1]).unwrap();
        assert!(k.len() >= 22 && k != b);
        assert_eq!(a.verify(&k, &roles), Some(Role::Koordination));
        assert_eq!(a.verify(&b, &roles), Some(roles[1].clone()));
        assert_eq!(a.verify("falsch", &roles), None);
        // The same links after a restart; the file holds no token.
        let again = Access::open(dir.path(), &roles).unwrap();
        assert_eq!(again.token(&Role::Koordination).unwrap(), k);
        let stored = std::fs::read_to_string(dir.path().join(STATE_DIR).join(ACCESS_FILE)).unwrap();
        assert!(!stored.contains(&k) && !stored.contains(&b));
        a.renew(&roles[1]).unwrap();
        assert_eq!(a.verify(&b, &roles), None);
        let renewed = a.token(&roles[1]).unwrap();
        assert_eq!(a.verify(&renewed, &roles), Some(roles[1].clone()));
    }
}
