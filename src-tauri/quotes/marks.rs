//! Quotation marks: pairs them within a paragraph, in any style, and follows quotes that run on
//! over several paragraphs.

use crate::model::Span;

/// Deeper nesting than this is junk, not prose; capping it keeps matching linear.
const MAX_DEPTH: usize = 8;

/// An outermost quoted stretch of one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quoted {
    /// From the opening mark to just after the closing mark (or the paragraph's end).
    pub region: Span,
    /// The quoted words, without marks and surrounding spaces.
    pub inner: Span,
    pub closed: bool,
}

/// A quotation as a reader sees it: one quoted stretch, or a stretch that runs on into
/// following paragraphs that each open with a quotation mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// Index of the first stretch in its paragraph's list.
    pub quoted: usize,
    /// The quoted words of each paragraph the run covers.
    pub pieces: Vec<Span>,
    pub closed: bool,
}

struct Open {
    at: usize,
    mark: char,
}

/// Outermost quoted stretches of `para`, in order. Marks nested inside are part of the stretch.
pub fn scan(chars: &[char], para: Span) -> Vec<Quoted> {
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let later_close = later_single_closes(chars, para);
    for i in para.start..para.end {
        let c = chars[i];
        if !is_mark(c) {
            continue;
        }
        let prev = (i > para.start).then(|| chars[i - 1]);
        let next = (i + 1 < para.end).then(|| chars[i + 1]);
        if later_close[i - para.start] && is_plural_possessive(chars, para, i) {
            continue;
        }
        match role(c, prev, next, &stack) {
            Role::Open if stack.len() < MAX_DEPTH => stack.push(Open { at: i, mark: c }),
            Role::Close => {
                let Some(k) = stack.iter().rposition(|o| closers(o.mark).contains(&c)) else {
                    continue;
                };
                if k == 0 {
                    out.extend(quoted(chars, stack[0].at, i + 1, i, true));
                }
                stack.truncate(k);
            }
            _ => {}
        }
    }
    // A lone single mark at the end is far more often an apostrophe ("the ‘90s") than a quote.
    if let Some(first) = stack.first().filter(|o| !is_single(o.mark)) {
        out.extend(quoted(chars, first.at, para.end, para.end, false));
    }
    out
}

/// For each char of `para`, whether a single mark that can close a quote comes later, before
/// any single mark that opens one.
fn later_single_closes(chars: &[char], para: Span) -> Vec<bool> {
    let mut out = vec![false; para.end - para.start];
    let mut seen = false;
    for i in (para.start..para.end).rev() {
        out[i - para.start] = seen;
        if !matches!(chars[i], '’' | '‘' | '\'') {
            continue;
        }
        let prev = (i > para.start).then(|| chars[i - 1]);
        let next = (i + 1 < para.end).then(|| chars[i + 1]);
        let inside_word =
            prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
        let after_word = prev.is_some_and(|p| !p.is_whitespace());
        match chars[i] {
            '’' | '\'' if after_word && !inside_word => seen = true,
            '‘' => seen = false,
            '\'' if !after_word => seen = false,
            _ => {}
        }
    }
    out
}

/// "the drivers’ canteen": a mark after a plural's "s" with the sentence going on in lower case
/// is an apostrophe, when a later mark can close the quote instead.
fn is_plural_possessive(chars: &[char], para: Span, i: usize) -> bool {
    matches!(chars[i], '’' | '\'')
        && i > para.start
        && matches!(chars[i - 1], 's' | 'S')
        && chars.get(i + 1).is_some_and(|c| *c == ' ')
        && i + 2 < para.end
        && chars[i + 2].is_lowercase()
}

/// Joins each paragraph's unclosed last stretch with the next paragraph's opening stretch.
/// Returns, per paragraph, the runs that start there.
pub fn runs(chars: &[char], paras: &[Span], quoted: &[Vec<Quoted>]) -> Vec<Vec<Run>> {
    let mut absorbed = vec![false; paras.len()];
    let mut out = Vec::with_capacity(paras.len());
    for p in 0..paras.len() {
        let mut here = Vec::new();
        for (qi, q) in quoted[p].iter().enumerate() {
            if qi == 0 && absorbed[p] {
                continue;
            }
            let mut run = Run { quoted: qi, pieces: vec![q.inner], closed: q.closed };
            let mut np = p + 1;
            while !run.closed && np < paras.len() {
                let Some(first) =
                    quoted[np].first().filter(|f| opens_paragraph(chars, paras[np], f))
                else {
                    break;
                };
                absorbed[np] = true;
                run.pieces.push(first.inner);
                run.closed = first.closed;
                np += 1;
            }
            here.push(run);
        }
        out.push(here);
    }
    out
}

fn opens_paragraph(chars: &[char], para: Span, q: &Quoted) -> bool {
    (para.start..q.region.start).all(|i| chars[i].is_whitespace())
}

fn quoted(
    chars: &[char],
    open: usize,
    region_end: usize,
    inner_end: usize,
    closed: bool,
) -> Option<Quoted> {
    let mut start = open + 1;
    let mut end = inner_end;
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    (start < end).then_some(Quoted {
        region: Span { start: open, end: region_end },
        inner: Span { start, end },
        closed,
    })
}

enum Role {
    Open,
    Close,
    Neither,
}

fn closers(open: char) -> &'static [char] {
    match open {
        '“' => &['”'],
        '„' => &['“', '”'],
        '”' => &['”'],
        '‘' => &['’'],
        '«' => &['»'],
        '‹' => &['›'],
        '「' => &['」'],
        '『' => &['』'],
        '"' => &['"'],
        '\'' => &['\''],
        _ => &[],
    }
}

/// Any quotation mark, of any style.
pub fn is_mark(c: char) -> bool {
    matches!(
        c,
        '“' | '”'
            | '„'
            | '‟'
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
            | '"'
            | '\''
    )
}

fn is_single(mark: char) -> bool {
    matches!(mark, '‘' | '\'' | '‹')
}

/// Decides what a possible mark does from its neighbours and the marks open so far; straight
/// and right single marks are ambiguous, so they go by which side touches a word.
fn role(c: char, prev: Option<char>, next: Option<char>, stack: &[Open]) -> Role {
    let awaited = stack.iter().any(|o| closers(o.mark).contains(&c));
    let left_flanking = next.is_some_and(|n| !n.is_whitespace())
        && prev
            .is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p) || !closers(p).is_empty());
    let right_flanking = prev.is_some_and(|p| !p.is_whitespace());
    let apostrophe =
        prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
    match c {
        '«' | '‹' | '「' | '『' | '„' | '‘' => Role::Open,
        '»' | '›' | '」' | '』' => Role::Close,
        '“' if awaited => Role::Close,
        '“' => Role::Open,
        '”' if awaited => Role::Close,
        // Swedish and Finnish open with ” as well.
        '”' if left_flanking => Role::Open,
        '’' | '\'' if apostrophe => Role::Neither,
        '’' | '"' | '\'' if awaited && right_flanking => Role::Close,
        '"' | '\'' if left_flanking => Role::Open,
        '"' if awaited => Role::Close,
        _ => Role::Neither,
    }
}
