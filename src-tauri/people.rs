//! The person registry as the library shows it: speakers across the archive, their aliases,
//! roles over time and quotes; merging two entries that are one person.

use crate::model::{Person, PersonSummary};
use crate::{Result, Sourcebook};

impl Sourcebook {
    pub fn persons(&self) -> Result<Vec<PersonSummary>> {
        Ok(self.archive.persons()?)
    }

    /// A person by id, unique id prefix, or any spelling of a name the registry knows.
    pub fn resolve_person(&self, key: &str) -> Result<String> {
        if let Some(id) = self.archive.person_named(key)? {
            return Ok(id);
        }
        self.resolve(crate::archive::Kind::Person, key)
    }

    pub fn person(&self, key: &str) -> Result<Person> {
        Ok(self.archive.person(&self.resolve_person(key)?)?)
    }

    /// Makes `other` part of `keep` (its names become aliases, its quotes move over).
    pub fn merge_persons(&mut self, keep: &str, other: &str) -> Result<Person> {
        let (keep, other) = (self.resolve_person(keep)?, self.resolve_person(other)?);
        let articles = self.archive.merge_persons(&keep, &other)?;
        self.index_articles(&articles)?;
        Ok(self.archive.person(&keep)?)
    }

    /// Says how a name reads — family name first (Park Chan-kyong) or not — for citations;
    /// for a person of the registry, every spelling of their name. Returns the names set.
    pub fn set_name_order(&mut self, name: &str, family_first: bool) -> Result<Vec<String>> {
        let names = match self.archive.person_named(name)? {
            Some(id) => self.archive.person(&id)?.aliases_and_name(),
            None => vec![name.trim().to_string()],
        };
        self.archive.set_family_first(&names, family_first)?;
        Ok(names)
    }

    /// Records another spelling of a person's name, e.g. in the original script.
    pub fn add_alias(&mut self, key: &str, alias: &str) -> Result<Person> {
        let id = self.resolve_person(key)?;
        let articles = self.archive.add_alias(&id, alias)?;
        self.index_articles(&articles)?;
        Ok(self.archive.person(&id)?)
    }
}
