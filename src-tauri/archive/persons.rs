//! The person registry: one entry per named speaker across the archive, with every spelling
//! seen, and the roles articles gave them over time (read from each quote's descriptor, kept
//! as stated then).

use std::collections::BTreeMap;

use rusqlite::{params, OptionalExtension, Transaction};

use super::articles::{from_json, new_id};
use super::names::{is_proper_name, looks_family_first, name_key};
use super::{bump_generation, strings, Archive, Error, Result};
use crate::model::{
    MergedAlias, Person, PersonMerge, PersonQuote, PersonRole, PersonSummary, SourceMeta,
};

/// The registry entry for a speaker: found by any known spelling, created on first sight, and
/// given the new spelling as an alias. Unnamed and collective sources get none.
pub(super) fn person_for(tx: &Transaction, speaker: &str) -> Result<Option<String>> {
    if !is_proper_name(speaker) {
        return Ok(None);
    }
    let key = name_key(speaker);
    let known: Option<String> = tx
        .query_row(
            "SELECT person_id FROM person_aliases WHERE alias_key = ?1 LIMIT 1",
            [&key],
            |r| r.get(0),
        )
        .optional()?;
    let id = match known {
        Some(id) => id,
        None => {
            let id = new_id();
            tx.execute(
                "INSERT INTO persons (id, canonical_name) VALUES (?1, ?2)",
                params![id, speaker],
            )?;
            id
        }
    };
    tx.execute(
        "INSERT OR IGNORE INTO person_aliases (person_id, alias, alias_key) VALUES (?1, ?2, ?3)",
        params![id, speaker, key],
    )?;
    guess_order(tx, speaker)?;
    Ok(Some(id))
}

/// Records that a name reads family name first when its form says so, unless a person has
/// already said how it reads.
pub(super) fn guess_order(tx: &Transaction, name: &str) -> Result<()> {
    if looks_family_first(name) {
        tx.execute(
            "INSERT OR IGNORE INTO name_orders (name_key, family_first, source)
             VALUES (?1, 1, 'guess')",
            [name_key(name)],
        )?;
    }
    Ok(())
}

/// Removes persons no quote refers to any more (after a correction or a merge).
pub(super) fn drop_orphans(tx: &Transaction) -> Result<()> {
    tx.execute(
        "DELETE FROM persons WHERE NOT EXISTS (SELECT 1 FROM quotes q WHERE q.person_id = persons.id)",
        [],
    )?;
    Ok(())
}

impl Archive {
    /// A person's names, the canonical one first.
    pub(super) fn names_of(&self, person_id: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT alias FROM person_aliases a JOIN persons p ON p.id = a.person_id
             WHERE a.person_id = ?1 ORDER BY a.alias <> p.canonical_name, a.alias",
        )?;
        let names = stmt.query_map([person_id], |r| r.get(0))?;
        Ok(names.collect::<rusqlite::Result<_>>()?)
    }

    /// Every person with their counts, most quoted first.
    pub fn persons(&self) -> Result<Vec<PersonSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT p.id, p.canonical_name, COUNT(q.id), COUNT(DISTINCT q.article_id),
                    MAX(s.issued)
             FROM persons p JOIN quotes q ON q.person_id = p.id
                            JOIN live_articles a ON a.id = q.article_id
                            JOIN sources s ON s.id = a.source_id
             GROUP BY p.id ORDER BY COUNT(q.id) DESC, p.canonical_name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(PersonSummary {
                id: r.get(0)?,
                name: r.get(1)?,
                aliases: Vec::new(),
                quote_count: r.get::<_, i64>(2)? as usize,
                article_count: r.get::<_, i64>(3)? as usize,
                latest: r.get(4)?,
            })
        })?;
        let mut out: Vec<PersonSummary> = rows.collect::<rusqlite::Result<_>>()?;
        for person in &mut out {
            person.aliases = self.aliases_of(&person.id, &person.name)?;
        }
        Ok(out)
    }

    fn aliases_of(&self, id: &str, name: &str) -> Result<Vec<String>> {
        Ok(self.names_of(id)?.into_iter().filter(|n| n != name).collect())
    }

    /// The person whose name or alias is `name` in any spelling.
    pub fn person_named(&self, name: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT person_id FROM person_aliases WHERE alias_key = ?1 LIMIT 1",
                [name_key(name)],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// A person with every quote (by date, undated last) and the roles stated over time.
    pub fn person(&self, id: &str) -> Result<Person> {
        let name: String = self
            .conn
            .query_row("SELECT canonical_name FROM persons WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| Error::NoSuchPerson(id.to_string()))?;
        let mut stmt = self.conn.prepare(
            "SELECT q.id, a.id, a.title, s.csl, s.issued FROM quotes q
             JOIN live_articles a ON a.id = q.article_id JOIN sources s ON s.id = a.source_id
             WHERE q.person_id = ?1
             ORDER BY s.issued IS NULL, s.issued, a.id, q.start",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?;
        let mut quotes = Vec::new();
        for row in rows {
            let (quote_id, article_id, title, csl, date) = row?;
            let source: SourceMeta = from_json("source", &csl)?;
            let (_, quote) = self.quote(&quote_id)?;
            quotes.push(PersonQuote {
                article_id,
                title,
                publication: source.container_title,
                date,
                quote,
            });
        }
        Ok(Person {
            id: id.to_string(),
            aliases: self.aliases_of(id, &name)?,
            roles: roles(&quotes),
            name,
            quotes,
        })
    }

    /// Makes `other` part of `keep`: its spellings become aliases and its quotes move over.
    /// Returns what moved (for [`Archive::unmerge_persons`]) and the articles whose quotes
    /// changed person (to re-index).
    pub fn merge_persons(&mut self, keep: &str, other: &str) -> Result<(PersonMerge, Vec<String>)> {
        if keep == other {
            return Err(Error::Invalid("cannot merge a person with itself".into()));
        }
        let tx = self.conn.transaction()?;
        let name_of = |id: &str| {
            tx.query_row("SELECT canonical_name FROM persons WHERE id = ?1", [id], |r| {
                r.get::<_, String>(0)
            })
            .optional()?
            .ok_or_else(|| Error::NoSuchPerson(id.to_string()))
        };
        name_of(keep)?;
        let other_name = name_of(other)?;
        let articles =
            strings(&tx, "SELECT DISTINCT article_id FROM quotes WHERE person_id = ?1", [other])?;
        let quotes =
            strings(&tx, "SELECT id FROM quotes WHERE person_id = ?1 ORDER BY id", [other])?;
        let aliases = {
            let mut stmt = tx.prepare(
                "SELECT alias, alias_key FROM person_aliases WHERE person_id = ?1 ORDER BY alias",
            )?;
            let rows =
                stmt.query_map([other], |r| Ok(MergedAlias { alias: r.get(0)?, key: r.get(1)? }))?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        };
        let mut added = Vec::new();
        for alias in &aliases {
            let inserted = tx.execute(
                "INSERT OR IGNORE INTO person_aliases (person_id, alias, alias_key)
                 VALUES (?1, ?2, ?3)",
                params![keep, alias.alias, alias.key],
            )?;
            if inserted > 0 {
                added.push(alias.alias.clone());
            }
        }
        tx.execute("UPDATE quotes SET person_id = ?1 WHERE person_id = ?2", params![keep, other])?;
        tx.execute("DELETE FROM persons WHERE id = ?1", [other])?;
        bump_generation(&tx)?;
        tx.commit()?;
        let merge = PersonMerge {
            keep: keep.to_string(),
            other: other.to_string(),
            other_name,
            aliases,
            added,
            quotes,
        };
        Ok((merge, articles))
    }

    /// Undoes a merge: the merged entry comes back with its id, name and spellings, `keep`
    /// loses the spellings the merge gave it, and the moved quotes go back. A quote someone
    /// has since given another speaker stays where they put it. Returns the articles whose
    /// quotes changed person (to re-index).
    pub fn unmerge_persons(&mut self, merge: &PersonMerge) -> Result<Vec<String>> {
        let tx = self.conn.transaction()?;
        let exists = |id: &str| {
            tx.query_row("SELECT 1 FROM persons WHERE id = ?1", [id], |_| Ok(())).optional()
        };
        if exists(&merge.keep)?.is_none() {
            return Err(Error::NoSuchPerson(merge.keep.clone()));
        }
        if exists(&merge.other)?.is_some() {
            return Err(Error::Invalid(format!(
                "{} is in the registry already: that merge was undone",
                merge.other_name
            )));
        }
        tx.execute(
            "INSERT INTO persons (id, canonical_name) VALUES (?1, ?2)",
            params![merge.other, merge.other_name],
        )?;
        for alias in &merge.added {
            tx.execute(
                "DELETE FROM person_aliases WHERE person_id = ?1 AND alias = ?2",
                params![merge.keep, alias],
            )?;
        }
        for alias in &merge.aliases {
            tx.execute(
                "INSERT INTO person_aliases (person_id, alias, alias_key) VALUES (?1, ?2, ?3)",
                params![merge.other, alias.alias, alias.key],
            )?;
        }
        let mut articles = Vec::new();
        for quote in &merge.quotes {
            let article: Option<String> = tx
                .query_row(
                    "UPDATE quotes SET person_id = ?2 WHERE id = ?1 AND person_id = ?3
                     RETURNING article_id",
                    params![quote, merge.other, merge.keep],
                    |r| r.get(0),
                )
                .optional()?;
            articles.extend(article.filter(|a| !articles.contains(a)));
        }
        // With every quote corrected away since, the entry would be an orphan; so may `keep` be.
        drop_orphans(&tx)?;
        bump_generation(&tx)?;
        tx.commit()?;
        Ok(articles)
    }

    /// Whether the registry knows `name` (any spelling) to read family name first.
    pub fn family_first(&self, name: &str) -> Result<Option<bool>> {
        let mut stmt =
            self.conn.prepare_cached("SELECT family_first FROM name_orders WHERE name_key = ?1")?;
        Ok(stmt.query_row([name_key(name)], |r| r.get(0)).optional()?)
    }

    /// A person's word on how names read; it overrules any guess.
    pub fn set_family_first(&mut self, names: &[String], family_first: bool) -> Result<()> {
        let tx = self.conn.transaction()?;
        for name in names {
            tx.execute(
                "INSERT INTO name_orders (name_key, family_first, source) VALUES (?1, ?2, 'user')
                 ON CONFLICT(name_key) DO UPDATE SET family_first = ?2, source = 'user'",
                params![name_key(name), family_first],
            )?;
        }
        bump_generation(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Records another spelling of a person's name (e.g. 김정은 for Kim Jong-un).
    /// Returns the person's articles (to re-index).
    pub fn add_alias(&mut self, id: &str, alias: &str) -> Result<Vec<String>> {
        let alias = alias.trim();
        if alias.is_empty() {
            return Err(Error::Invalid("an alias cannot be empty".into()));
        }
        let tx = self.conn.transaction()?;
        let key = name_key(alias);
        let owner: Option<String> = tx
            .query_row("SELECT person_id FROM person_aliases WHERE alias_key = ?1", [&key], |r| {
                r.get(0)
            })
            .optional()?;
        if let Some(owner) = owner.as_ref().filter(|o| o.as_str() != id) {
            return Err(Error::Invalid(format!(
                "{alias:?} already names another person ({owner}); merge the two instead"
            )));
        }
        let changed = tx.execute(
            "INSERT OR IGNORE INTO person_aliases (person_id, alias, alias_key)
             SELECT id, ?2, ?3 FROM persons WHERE id = ?1",
            params![id, alias, key],
        )?;
        if changed == 0 && owner.is_none() {
            return Err(Error::NoSuchPerson(id.to_string()));
        }
        let articles =
            strings(&tx, "SELECT DISTINCT article_id FROM quotes WHERE person_id = ?1", [id])?;
        bump_generation(&tx)?;
        tx.commit()?;
        Ok(articles)
    }
}

/// The first and last dates a role was stated on, and the articles that stated it.
type RoleSpan<'a> = (Option<&'a str>, Option<&'a str>, Vec<&'a str>);

/// Each distinct descriptor with the span of dates it was used in.
fn roles(quotes: &[PersonQuote]) -> Vec<PersonRole> {
    let mut by_role: BTreeMap<&str, RoleSpan> = BTreeMap::new();
    for q in quotes {
        let Some(descriptor) = q.quote.quote.descriptor.as_deref() else { continue };
        let entry = by_role.entry(descriptor).or_default();
        if let Some(date) = q.date.as_deref() {
            entry.0 = Some(entry.0.map_or(date, |d| d.min(date)));
            entry.1 = Some(entry.1.map_or(date, |d| d.max(date)));
        }
        if !entry.2.contains(&q.article_id.as_str()) {
            entry.2.push(&q.article_id);
        }
    }
    let mut out: Vec<PersonRole> = by_role
        .into_iter()
        .map(|(descriptor, (first, last, articles))| PersonRole {
            descriptor: descriptor.to_string(),
            first: first.map(str::to_string),
            last: last.map(str::to_string),
            article_count: articles.len(),
        })
        .collect();
    out.sort_by(|a, b| (a.first.is_none(), &a.first).cmp(&(b.first.is_none(), &b.first)));
    out
}
