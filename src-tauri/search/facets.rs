//! Facet counts for the current query: speaker, publication, year and language, counted in the
//! same pass as the ranking from the fast columns of the matching documents. Columns are read a
//! block of documents at a time, which costs far less per document than reading them one by
//! one on a query that matches most of the archive; term ordinals become text once per segment,
//! in one ordered pass over the column's dictionary.

use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, ColumnBlockAccessor, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::schema::column;
use crate::model::{FacetCount, Facets};

/// Values listed per facet, most frequent first; years are all listed, in order.
const FACET_VALUES: usize = 20;
/// Years are counted in a flat array from this one; earlier or far later dates are not.
const FIRST_YEAR: i64 = 1000;
const YEARS: usize = 2000;
/// Documents gathered before the columns are read for all of them.
const BLOCK: usize = 256;

pub struct FacetCollector;

/// Counts by value text.
#[derive(Default)]
pub struct Tally {
    speaker: HashMap<String, usize>,
    publication: HashMap<String, usize>,
    language: HashMap<String, usize>,
    year: HashMap<i64, usize>,
}

impl Tally {
    pub fn into_facets(self) -> Facets {
        let mut year: Vec<FacetCount> = self
            .year
            .into_iter()
            .map(|(y, count)| FacetCount { value: y.to_string(), count })
            .collect();
        year.sort_by(|a, b| a.value.cmp(&b.value));
        Facets {
            speaker: top(self.speaker),
            publication: top(self.publication),
            year,
            language: top(self.language),
        }
    }
}

fn top(counts: HashMap<String, usize>) -> Vec<FacetCount> {
    let mut all: Vec<FacetCount> =
        counts.into_iter().map(|(value, count)| FacetCount { value, count }).collect();
    all.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    all.truncate(FACET_VALUES);
    all
}

impl Collector for FacetCollector {
    type Fruit = Tally;
    type Child = SegmentFacets;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<Self::Child> {
        let fast = segment.fast_fields();
        let counter = |name: &str| -> tantivy::Result<Option<Counter>> {
            Ok(fast.str(name)?.map(|column| Counter {
                counts: vec![0; column.num_terms()],
                column,
                block: ColumnBlockAccessor::default(),
            }))
        };
        Ok(SegmentFacets {
            speaker: counter(column::SPEAKER)?,
            publication: counter(column::PUBLICATION)?,
            language: counter(column::LANG)?,
            dates: fast.column_opt::<i64>(column::DATE_FROM)?,
            date_block: ColumnBlockAccessor::default(),
            years: vec![0; YEARS],
            pending: Vec::with_capacity(BLOCK),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Tally>) -> tantivy::Result<Tally> {
        let mut all = Tally::default();
        for t in fruits {
            add(&mut all.speaker, t.speaker);
            add(&mut all.publication, t.publication);
            add(&mut all.language, t.language);
            add(&mut all.year, t.year);
        }
        Ok(all)
    }
}

fn add<K: std::hash::Hash + Eq>(into: &mut HashMap<K, usize>, from: HashMap<K, usize>) {
    for (k, n) in from {
        *into.entry(k).or_default() += n;
    }
}

struct Counter {
    column: StrColumn,
    /// Documents per term ordinal of this segment.
    counts: Vec<usize>,
    block: ColumnBlockAccessor<u64>,
}

impl Counter {
    fn count(&mut self, docs: &[DocId]) {
        self.block.fetch_block(docs, self.column.ords());
        for ord in self.block.iter_vals() {
            self.counts[ord as usize] += 1;
        }
    }

    fn harvest(self) -> HashMap<String, usize> {
        let counted: Vec<(u64, usize)> = (0..).zip(self.counts).filter(|&(_, n)| n > 0).collect();
        let mut out = HashMap::with_capacity(counted.len());
        let mut counts = counted.iter().map(|&(_, n)| n);
        // One pass through the dictionary in ordinal order: each compressed block is read
        // once, where looking terms up one by one would decompress a block per term. A failed
        // read loses facet values, never the search.
        let _ = self.column.dictionary().sorted_ords_to_term_cb(
            counted.iter().map(|&(ord, _)| ord),
            |term| {
                let n = counts.next().unwrap_or_default();
                out.insert(String::from_utf8_lossy(term).into_owned(), n);
                Ok(())
            },
        );
        out
    }
}

pub struct SegmentFacets {
    speaker: Option<Counter>,
    publication: Option<Counter>,
    language: Option<Counter>,
    dates: Option<Column<i64>>,
    date_block: ColumnBlockAccessor<i64>,
    years: Vec<usize>,
    /// Matches not yet counted (the ranking hands them over one by one).
    pending: Vec<DocId>,
}

impl SegmentFacets {
    fn count(&mut self, docs: &[DocId]) {
        for counter in
            [&mut self.speaker, &mut self.publication, &mut self.language].into_iter().flatten()
        {
            counter.count(docs);
        }
        if let Some(dates) = &self.dates {
            self.date_block.fetch_block(docs, dates);
            for day in self.date_block.iter_vals() {
                let slot = (day / 10_000 - FIRST_YEAR) as usize;
                if let Some(n) = self.years.get_mut(slot) {
                    *n += 1;
                }
            }
        }
    }

    fn flush(&mut self) {
        let docs = std::mem::take(&mut self.pending);
        self.count(&docs);
        self.pending = docs;
        self.pending.clear();
    }
}

impl SegmentCollector for SegmentFacets {
    type Fruit = Tally;

    fn collect(&mut self, doc: DocId, _: Score) {
        self.pending.push(doc);
        if self.pending.len() == BLOCK {
            self.flush();
        }
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        self.count(docs);
    }

    fn harvest(mut self) -> Tally {
        self.flush();
        let year = self
            .years
            .iter()
            .enumerate()
            .filter(|(_, &n)| n > 0)
            .map(|(slot, &n)| (slot as i64 + FIRST_YEAR, n))
            .collect();
        Tally {
            speaker: self.speaker.map(Counter::harvest).unwrap_or_default(),
            publication: self.publication.map(Counter::harvest).unwrap_or_default(),
            language: self.language.map(Counter::harvest).unwrap_or_default(),
            year,
        }
    }
}
