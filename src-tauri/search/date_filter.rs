//! A date range applied to the matches of the words beside it, as in `date:2018..2019
//! sanctions`. A range query over the date columns would read the column of every document
//! in the index; next to words, only the documents the words match need their dates read.

use tantivy::columnar::Column;
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TantivyError, Term, TERMINATED};

use super::query::DateRange;
use super::schema::column;

/// The documents of `inner` whose whole date span lies in `range`.
#[derive(Debug)]
pub struct DateFilter {
    inner: Box<dyn Query>,
    range: DateRange,
}

impl Clone for DateFilter {
    fn clone(&self) -> DateFilter {
        DateFilter { inner: self.inner.box_clone(), range: self.range }
    }
}

impl DateFilter {
    pub fn new(inner: Box<dyn Query>, range: DateRange) -> DateFilter {
        DateFilter { inner, range }
    }
}

impl Query for DateFilter {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(FilterWeight { inner: self.inner.weight(scoring)?, range: self.range }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor);
    }
}

struct FilterWeight {
    inner: Box<dyn Weight>,
    range: DateRange,
}

impl Weight for FilterWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let fast = reader.fast_fields();
        let mut scorer = FilterScorer {
            inner: self.inner.scorer(reader, boost)?,
            from: fast.column_opt::<i64>(column::DATE_FROM)?,
            to: fast.column_opt::<i64>(column::DATE_TO)?,
            range: self.range,
        };
        // A new scorer stands on its first document: make that one that holds.
        let first = scorer.inner.doc();
        if first != TERMINATED && !scorer.holds(first) {
            scorer.advance();
        }
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!("document {doc} does not match")));
        }
        self.inner.explain(reader, doc)
    }
}

struct FilterScorer {
    inner: Box<dyn Scorer>,
    from: Option<Column<i64>>,
    to: Option<Column<i64>>,
    range: DateRange,
}

impl FilterScorer {
    /// Undated documents hold for no range.
    fn holds(&self, doc: DocId) -> bool {
        let day = |col: &Option<Column<i64>>| col.as_ref().and_then(|c| c.first(doc));
        let after = self.range.from.is_none_or(|from| day(&self.from).is_some_and(|d| d >= from));
        let before = self.range.to.is_none_or(|to| day(&self.to).is_some_and(|d| d <= to));
        after && before
    }
}

impl DocSet for FilterScorer {
    fn advance(&mut self) -> DocId {
        let mut doc = self.inner.advance();
        while doc != TERMINATED && !self.holds(doc) {
            doc = self.inner.advance();
        }
        doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        let doc = self.inner.seek(target);
        if doc == TERMINATED || self.holds(doc) {
            doc
        } else {
            self.advance()
        }
    }

    fn doc(&self) -> DocId {
        self.inner.doc()
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }
}

impl Scorer for FilterScorer {
    fn score(&mut self) -> Score {
        self.inner.score()
    }
}
