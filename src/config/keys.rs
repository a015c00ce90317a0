//! The keys of `konzept.toml`, read from the serde structs themselves.
//!
//! [`keys_of`] runs a type's `Deserialize` against a deserializer that makes
//! up a value for everything it is asked for. A struct asks for its fields by
//! name (serde's `FIELDS`); the deserializer notes them for the struct's table
//! and offers each one, so the structs below are visited as well. A field
//! added to a struct is therefore known without touching any list.

use serde::de::value::{MapDeserializer, StrDeserializer};
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};
use serde::Deserialize;
use std::fmt;

/// A table of `konzept.toml` (`""` is the top level, an array of tables has
/// the path of the array) with the keys its struct accepts.
pub(super) type Table = (String, &'static [&'static str]);

/// Every table the type `T` reads, in the order of its fields, depth first.
/// `Err` names a value the recorder cannot make up.
pub(super) fn keys_of<'de, T: Deserialize<'de>>() -> std::result::Result<Vec<Table>, String> {
    let mut tables = Vec::new();
    T::deserialize(Recorder {
        path: String::new(),
        tables: &mut tables,
    })
    .map_err(|e| e.0)?;
    Ok(tables)
}

/// The keys of the table at `path`; `None` if that is no table of a struct
/// (e.g. a free map, or no table at all).
pub(super) fn known_at(tables: &[Table], path: &str) -> Option<&'static [&'static str]> {
    tables
        .iter()
        .find(|(p, _)| p == path)
        .map(|(_, keys)| *keys)
}

/// `path.key`, or `key` at the top level.
pub(super) fn child_path(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// toml's marker struct for a date: not a table of the file.
const TOML_DATETIME: &str = "$__toml_private_Datetime";

#[derive(Debug)]
struct Unsupported(String);

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unsupported {}

impl de::Error for Unsupported {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Unsupported(msg.to_string())
    }
}

/// Makes up a value at `path` and notes every struct it is asked for.
struct Recorder<'a> {
    path: String,
    tables: &'a mut Vec<Table>,
}

impl<'a> Recorder<'a> {
    fn at(&mut self, path: String) -> Recorder<'_> {
        Recorder {
            path,
            tables: self.tables,
        }
    }

    fn record(&mut self, fields: &'static [&'static str]) {
        if known_at(self.tables, &self.path).is_none() {
            self.tables.push((self.path.clone(), fields));
        }
    }
}

type Result<T> = std::result::Result<T, Unsupported>;

impl<'de> Deserializer<'de> for Recorder<'_> {
    type Error = Unsupported;

    /// Untagged enums (`Version`, `TomlDate`) read any value first: text is
    /// the variant each of them accepts.
    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_str("")
    }
    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_bool(false)
    }
    fn deserialize_i8<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_i64(0)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_i64(0)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_i64(0)
    }
    fn deserialize_i64<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_i64(0)
    }
    fn deserialize_u8<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_u64(0)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_u64(0)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_u64(0)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_u64(0)
    }
    fn deserialize_f32<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_f64(0.0)
    }
    fn deserialize_f64<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_f64(0.0)
    }
    fn deserialize_char<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_char('a')
    }
    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_str("")
    }
    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_str("")
    }
    fn deserialize_bytes<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_bytes(b"")
    }
    fn deserialize_byte_buf<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_bytes(b"")
    }
    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_some(self)
    }
    fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_unit()
    }
    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, v: V) -> Result<V::Value> {
        v.visit_unit()
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        v: V,
    ) -> Result<V::Value> {
        v.visit_newtype_struct(self)
    }
    /// An array has one made-up item; its tables keep the array's path.
    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.deserialize_tuple(1, v)
    }
    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, v: V) -> Result<V::Value> {
        v.visit_seq(Items {
            recorder: self,
            left: len,
        })
    }
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        len: usize,
        v: V,
    ) -> Result<V::Value> {
        self.deserialize_tuple(len, v)
    }
    /// A map with free keys: no keys to note, an empty one will do.
    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_map(Fields {
            recorder: self,
            fields: &[],
            next: 0,
        })
    }
    fn deserialize_struct<V: Visitor<'de>>(
        mut self,
        name: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value> {
        if name == TOML_DATETIME {
            let date = fields.iter().map(|f| (*f, "2026-01-01"));
            return v.visit_map(MapDeserializer::new(date));
        }
        self.record(fields);
        v.visit_map(Fields {
            recorder: self,
            fields,
            next: 0,
        })
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value> {
        let Some(variant) = variants.first() else {
            return Err(de::Error::custom("an enum without variants"));
        };
        v.visit_enum(Variant {
            recorder: self,
            variant,
        })
    }
    fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_str("")
    }
    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_unit()
    }
}

/// The fields of a struct, each with a made-up value.
struct Fields<'a> {
    recorder: Recorder<'a>,
    fields: &'static [&'static str],
    next: usize,
}

impl<'de> MapAccess<'de> for Fields<'_> {
    type Error = Unsupported;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        match self.fields.get(self.next) {
            None => Ok(None),
            Some(name) => seed.deserialize(StrDeserializer::new(name)).map(Some),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value> {
        let name = self.fields[self.next];
        self.next += 1;
        let path = child_path(&self.recorder.path, name);
        seed.deserialize(self.recorder.at(path))
    }
}

/// The items of an array or tuple.
struct Items<'a> {
    recorder: Recorder<'a>,
    left: usize,
}

impl<'de> SeqAccess<'de> for Items<'_> {
    type Error = Unsupported;

    fn next_element_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        let path = self.recorder.path.clone();
        seed.deserialize(self.recorder.at(path)).map(Some)
    }
}

/// An enum as its first variant.
struct Variant<'a> {
    recorder: Recorder<'a>,
    variant: &'static str,
}

impl<'de, 'a> EnumAccess<'de> for Variant<'a> {
    type Error = Unsupported;
    type Variant = Recorder<'a>;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Recorder<'a>)> {
        let value = seed.deserialize(StrDeserializer::new(self.variant))?;
        Ok((value, self.recorder))
    }
}

impl<'de> VariantAccess<'de> for Recorder<'_> {
    type Error = Unsupported;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }
    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value> {
        seed.deserialize(self)
    }
    fn tuple_variant<V: Visitor<'de>>(self, len: usize, v: V) -> Result<V::Value> {
        self.deserialize_tuple(len, v)
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value> {
        self.deserialize_struct("", fields, v)
    }
}
