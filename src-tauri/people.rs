//! The person registry as the library shows it: speakers across the archive, their aliases,
//! roles over time and quotes; merging two entries that are one person.

use crate::model::{Merged, Person, PersonMerge, PersonSummary};
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

    /// Makes `other` part of `keep` (its names become aliases, its quotes move over); returns
    /// the person and what moved, which [`Self::unmerge_persons`] puts back.
    pub fn merge_persons(&mut self, keep: &str, other: &str) -> Result<Merged> {
        let (keep, other) = (self.resolve_person(keep)?, self.resolve_person(other)?);
        let (undo, articles) = self.archive.merge_persons(&keep, &other)?;
        self.index_articles(&articles)?;
        Ok(Merged { person: self.archive.person(&keep)?, undo })
    }

    /// Undoes a merge: the registry is as it was before, but for quotes corrected since.
    pub fn unmerge_persons(&mut self, merge: &PersonMerge) -> Result<()> {
        let articles = self.archive.unmerge_persons(merge)?;
        self.index_articles(&articles)
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

#[cfg(test)]
mod tests {
    use crate::model::{Person, PersonSummary};
    use crate::Sourcebook;

    fn registry(sb: &Sourcebook) -> (Vec<PersonSummary>, Vec<Person>) {
        let persons = sb.persons().unwrap();
        let pages = persons.iter().map(|p| sb.person(&p.id).unwrap()).collect();
        (persons, pages)
    }

    #[test]
    fn undoing_a_merge_leaves_the_registry_as_before() {
        let dir = tempfile::tempdir().unwrap();
        let mut sb = Sourcebook::open(dir.path()).unwrap();
        for (name, text) in [
            ("a.txt", "Seoul watches Moscow\n\n“China has what the North needs,” said Cho Han-bum, a fellow at the institute.\n"),
            ("b.txt", "Rail links reopen\n\n“It is symbolic,” said Jo Hanbeom, an analyst in Seoul.\n\n“Trade will follow,” Jo said.\n"),
        ] {
            sb.import_bytes(text.as_bytes(), Some(name), name);
        }
        sb.add_alias("Jo Hanbeom", "조한범").unwrap();
        let before = registry(&sb);
        assert_eq!(before.0.len(), 2, "{before:?}");
        let other = sb.resolve_person("Jo Hanbeom").unwrap();

        let merged = sb.merge_persons("Cho Han-bum", "Jo Hanbeom").unwrap();
        assert_eq!(merged.person.quotes.len(), 3);
        assert_eq!(merged.undo.other, other);
        assert_eq!(merged.undo.added, ["Jo Hanbeom", "조한범"]);
        assert_eq!(merged.undo.quotes.len(), 2);
        assert_eq!(sb.resolve_person("조한범").unwrap(), merged.person.id);

        sb.unmerge_persons(&merged.undo).unwrap();
        assert_eq!(registry(&sb), before);
        assert_eq!(sb.resolve_person("조한범").unwrap(), other);
        let again = sb.unmerge_persons(&merged.undo).unwrap_err();
        assert!(again.to_string().contains("undone"), "{again}");
    }
}
