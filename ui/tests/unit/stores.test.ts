// Tests the application stores against the in-memory fake backend.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../src/ipc/backend';
import type { ImportReport } from '../../src/ipc/bindings/ImportReport';
import { createFakeBackend } from '../../src/ipc/fakeBackend';
import { AppState } from '../../src/lib/stores/app.svelte';
import { FIELDS, MetaForm } from '../../src/lib/stores/metaForm.svelte';

const dateField = FIELDS.find((f) => f.key === 'date')!;

async function started(backend: Backend = createFakeBackend()) {
  const copied: string[] = [];
  const app = new AppState(backend, {
    searchDebounceMs: 100,
    writeRich: async (_html, text) => void copied.push(text),
  });
  await app.start();
  return { app, copied };
}

/** The unit tests run without a DOM: a parser that keeps only the text, enough for the clipboard's plain text. */
class TagStrippingParser {
  parseFromString(html: string) {
    const text = { nodeType: 3, nodeName: '#text', nodeValue: html.replace(/<[^>]*>/g, ''), childNodes: [] };
    return { body: { nodeType: 1, nodeName: 'BODY', nodeValue: null, childNodes: [text] } };
  }
}

async function withSample() {
  const ctx = await started();
  await ctx.app.importSample();
  return ctx;
}

describe('library', () => {
  it('starts empty, then lists and opens the imported sample', async () => {
    const { app } = await started();
    expect(app.archive.loaded).toBe(true);
    expect(app.archive.articles).toEqual([]);
    expect(app.archive.info?.article_count).toBe(0);

    await app.importSample();
    expect(app.archive.articles).toHaveLength(1);
    expect(app.archive.info?.article_count).toBe(1);
    expect(app.archive.current?.title).toMatch(/^North Korea’s shifting satellite/);
    expect(app.archive.current?.paragraphs.length).toBeGreaterThan(10);
    expect(app.notices.items.map((n) => n.title)).toEqual(['Import finished: 1 imported.']);
  });

  it('gives the sample its provenance, no pages and no similar articles', async () => {
    const { app } = await withSample();
    const article = app.archive.current!;
    expect(article.provenance).toEqual({ title: 'clip title line', language: 'detected' });
    expect(article.pages).toEqual([]);
    expect(article.similar).toEqual([]);
  });

  it('links the sample to another outlet’s copy, both ways, and opens the copy with its pages', async () => {
    const { app } = await started(createFakeBackend({ syndicatedCopy: true }));
    expect(app.archive.articles).toHaveLength(2);
    await app.open(app.archive.articles[0]!.id);
    const sample = app.archive.current!;
    expect(sample.similar).toHaveLength(1);
    const link = sample.similar[0]!;
    expect(link.title).toMatch(/^North Korea moves state TV/);
    expect(link.similarity).toBeGreaterThan(0.5);
    expect(link.similarity).toBeLessThan(1);

    await app.open(link.id);
    const copy = app.archive.current!;
    expect(copy.pages).toHaveLength(copy.paragraphs.length);
    expect(copy.provenance.issued).toBe('pdf info CreationDate');
    expect(copy.similar).toEqual([{ id: sample.id, title: sample.title, similarity: link.similarity }]);
  });

  it('reports a second import of the same file as a duplicate', async () => {
    const { app } = await withSample();
    await app.importSample();
    expect(app.archive.articles).toHaveLength(1);
    expect(app.notices.items.at(-1)?.title).toBe('Import finished: 0 imported, 1 duplicate.');
  });

  it('counts enriched articles and shows the filled-in metadata of the open one', async () => {
    const fake = createFakeBackend();
    // A BibTeX record describing the open article fills in its publication, as the Rust side would.
    const backend: Backend = {
      ...fake,
      async importPaths(paths): Promise<ImportReport> {
        const id = (await fake.listArticles())[0]!.id;
        const article = await fake.editArticle(id, { title: null, publication: 'South China Morning Post', author: null, date: null, url: null });
        return {
          imported: 2,
          enriched: 1,
          duplicates: 1,
          failed: 1,
          outcomes: [
            { path: paths[0]!, status: 'enriched', article_id: id, title: article.title, error: null },
            { path: '/tmp/broken.pdf', status: 'failed', article_id: null, title: null, error: 'not a PDF' },
          ],
        };
      },
    };
    const { app } = await started(backend);
    await app.importSample();
    await app.importPaths(['/tmp/scmp.bib']);
    const notice = app.notices.items.at(-1);
    expect(notice?.title).toBe('Import finished: 2 imported, 1 enriched (metadata filled in), 1 duplicate, 1 failed.');
    expect(notice?.details).toEqual(['/tmp/broken.pdf: not a PDF']);
    expect(app.archive.current?.source['container-title']).toBe('South China Morning Post');
    expect(app.archive.form?.initial.publication).toBe('South China Morning Post');
  });

  it('keeps failed imports visible with their reasons', async () => {
    const { app } = await started();
    await app.importPaths(['/tmp/a.pdf']);
    const notice = app.notices.items.at(-1);
    expect(notice?.tone).toBe('error');
    expect(notice?.details[0]).toMatch(/^\/tmp\/a\.pdf: /);
  });

  it('moves the cursor within bounds and opens the row under it', async () => {
    const { app } = await withSample();
    app.archive.moveCursor(5);
    expect(app.archive.cursor).toBe(0);
    app.archive.moveCursor(-1);
    expect(app.archive.cursor).toBe(0);
    await app.openCursor();
    expect(app.archive.current?.id).toBe(app.archive.articles[0]?.id);
  });

  it('shows the backend message when an article cannot be opened', async () => {
    const { app } = await started();
    await app.open('missing-id');
    expect(app.archive.current).toBeNull();
    expect(app.notices.items.at(-1)?.title).toBe('Could not open the article: No article with id missing-id in the archive.');
  });

  it('colours quotes by speaker, in order of first appearance', async () => {
    const { app } = await withSample();
    const legend = app.archive.legend;
    expect(legend[0]?.speaker).toBe('LyngSat');
    const cho = legend.find((e) => e.speaker === 'Cho Han-bum');
    expect(cho?.count).toBe(3);
    const choQuote = app.archive.current!.quotes.find((q) => q.speaker === 'Cho Han-bum')!;
    expect(app.archive.slotOf(choQuote.id)).toBe(cho?.slot);
  });
});

describe('search', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for a pause in typing, then shows quote and article hits', async () => {
    const { app } = await withSample();
    app.search.input('bur');
    app.search.input('burden');
    expect(app.search.busy).toBe(true);
    expect(app.search.results).toBeNull();
    await vi.advanceTimersByTimeAsync(150);
    expect(app.search.busy).toBe(false);
    const quoteHits = app.search.hits.filter((h) => h.kind === 'quote');
    expect(quoteHits.map((h) => h.speaker)).toEqual(['Cho Han-bum', 'Cho Han-bum']);
    expect(app.search.hits.some((h) => h.kind === 'article')).toBe(true);
  });

  it('opens a quote hit with the quote selected and scrolled to', async () => {
    const { app } = await withSample();
    app.search.input('quite a burden');
    await vi.advanceTimersByTimeAsync(150);
    const hit = app.search.hits.find((h) => h.kind === 'quote' && h.text === 'quite a burden')!;
    await app.openHit(hit);
    expect(app.search.open).toBe(false);
    expect(app.archive.selectedQuote?.speaker).toBe('Cho Han-bum');
    expect(app.archive.selectedQuote?.kind).toBe('partial');
    expect(app.archive.scrollRequest?.quoteId).toBe(hit.quote_id);
  });

  it('clears results when the box is emptied', async () => {
    const { app } = await withSample();
    app.search.input('burden');
    await vi.advanceTimersByTimeAsync(150);
    app.search.input('');
    expect(app.search.results).toBeNull();
    expect(app.search.busy).toBe(false);
  });
});

describe('metadata editing', () => {
  it('sends only changed fields, and "" to clear one', async () => {
    const { app } = await withSample();
    const form = new MetaForm(app.archive.current!);
    expect(form.dirty).toBe(false);
    form.values.date = ' 2024-07-09 ';
    form.values.title = '';
    expect(form.dirty).toBe(true);
    expect(form.patch()).toEqual({ title: '', publication: null, author: null, date: '2024-07-09', url: null });
  });

  it('saving a date refreshes the reader, the list, the form and the citation', async () => {
    const { app } = await withSample();
    await vi.waitFor(() => expect(app.cite.citation).not.toBeNull());
    expect(app.archive.articles[0]?.missing).toContain('issued');

    app.archive.form!.values.date = '2024-07-09';
    app.archive.form!.values.author = 'Lee, Jeong-ho; Reuters';
    await app.saveMeta();

    expect(app.archive.articles[0]?.missing).toEqual(['container-title', 'URL']);
    expect(app.archive.articles[0]?.date).toBe('2024-07-09');
    expect(app.archive.current?.missing).toEqual(['container-title', 'URL']);
    expect(app.archive.current?.source.author).toEqual([
      { family: 'Lee', given: 'Jeong-ho' },
      { literal: 'Reuters' },
    ]);
    expect(app.archive.form?.dirty).toBe(false);
    expect(app.archive.form?.initial.date).toBe('2024-07-09');
    expect(app.archive.current?.provenance).toMatchObject({ issued: 'user', author: 'user', title: 'clip title line' });
    expect(app.archive.form?.origin(dateField)).toBe('user');
    await vi.waitFor(() => expect(app.cite.citation?.missing).toEqual(['container-title', 'URL']));
  });

  it('gives no origin for a missing field, even one the user cleared', async () => {
    const { app } = await withSample();
    expect(app.archive.form?.origin(dateField)).toBeNull();
    app.archive.form!.values.date = '2024';
    await app.saveMeta();
    app.archive.form!.values.date = '';
    await app.saveMeta();
    expect(app.archive.current?.provenance.issued).toBe('user');
    expect(app.archive.form?.isMissing(dateField)).toBe(true);
    expect(app.archive.form?.origin(dateField)).toBeNull();
  });

  it('keeps the draft and shows the reason when the backend refuses it', async () => {
    const { app } = await withSample();
    app.archive.form!.values.date = 'July 2024';
    await app.saveMeta();
    expect(app.archive.form?.error).toMatch(/not a date/);
    expect(app.archive.form?.values.date).toBe('July 2024');
    expect(app.archive.articles[0]?.missing).toContain('issued');
  });
});

describe('citation', () => {
  it('renders the open article in the default style, then in another', async () => {
    const { app } = await withSample();
    expect(app.cite.styles.length).toBeGreaterThan(3);
    expect(app.cite.style).toBe('chicago-notes-bibliography');
    await vi.waitFor(() => expect(app.cite.loading).toBe(false));
    expect(app.cite.citation?.citation).toContain('n.d.');
    expect(app.cite.citation?.missing).toContain('issued');

    await app.cite.setStyle('apa');
    expect(app.cite.citation?.style).toBe('apa');
  });

  it('copies the rendering as rich and plain text and says so', async () => {
    vi.stubGlobal('DOMParser', TagStrippingParser);
    const { app, copied } = await withSample();
    await vi.waitFor(() => expect(app.cite.citation).not.toBeNull());
    expect(await app.cite.copy('bibliography')).toBe(true);
    expect(copied).toEqual([app.cite.citation!.bibliography.replace(/<[^>]*>/g, '')]);
    expect(copied[0]).toContain('North Korea’s shifting satellite');
    expect(app.cite.copied).toBe('bibliography');
    vi.unstubAllGlobals();
  });

  it('cites the quote selected in the reader at its pinpoint, with its quoted-in form and attribution, and the article again without', async () => {
    vi.stubGlobal('DOMParser', TagStrippingParser);
    const { app, copied } = await withSample();
    const cite = vi.spyOn(app.cite, 'render');
    const quote = app.archive.current!.quotes.find((q) => q.speaker === 'Cho Han-bum')!;
    app.archive.selectQuote(quote.id);
    await vi.waitFor(() => expect(app.cite.citation?.quote?.quote_id).toBe(quote.id));
    expect(cite).toHaveBeenLastCalledWith(app.archive.current!.id, quote.id);
    const cited = app.cite.citation!;
    expect(cited.citation).toContain(`para. ${quote.paragraph + 1}`);
    expect(cited.quote!.quoted_in).toMatch(/^Cho Han-bum, quoted in/);
    expect(cited.quote!.attribution).toContain(quote.text);
    expect(cited.bibliography).toContain('North Korea’s shifting satellite');

    expect(await app.cite.copy('quoted_in')).toBe(true);
    expect(await app.cite.copy('attribution')).toBe(true);
    expect(copied).toEqual([cited.quote!.quoted_in, cited.quote!.attribution]);

    app.archive.selectQuote(null);
    await vi.waitFor(() => expect(app.cite.citation?.quote).toBeNull());
    expect(app.cite.citation?.citation).not.toContain('para.');
    expect(await app.cite.copy('attribution')).toBe(false);
    vi.unstubAllGlobals();
  });

  it('shows the backend message for an unknown style', async () => {
    const { app } = await withSample();
    await app.cite.setStyle('no-such-style');
    expect(app.cite.citation).toBeNull();
    expect(app.cite.error).toBe('No citation style named “no-such-style”.');
  });
});

describe('delete article', () => {
  it('moves the open article to the trash, and Undo brings it back and reopens it', async () => {
    const { app } = await withSample();
    const id = app.archive.articles[0]!.id;
    await app.open(id);
    expect(await app.deleteArticle(id)).toBe(true);
    expect(app.archive.articles).toHaveLength(0);
    expect(app.archive.current).toBeNull();
    const undo = app.notices.items.find((n) => n.action?.label === 'Undo')!;
    await undo.action!.run();
    await vi.waitFor(() => expect(app.archive.current?.id).toBe(id));
    expect(app.archive.articles.map((a) => a.id)).toEqual([id]);
  });
});

describe('search facets, sort and paging', () => {
  it('a facet narrows the query and a second click widens it again', async () => {
    const { app } = await withSample();
    app.search.input('China');
    await app.search.run();
    const all = app.search.results!.total;
    const speaker = app.search.results!.facets.speaker.find((f) => f.count < all)!;
    app.search.toggleFacet('speaker', speaker.value);
    expect(app.search.query).toBe(`China speaker:"${speaker.value}"`);
    await vi.waitFor(() => expect(app.search.results!.total).toBe(speaker.count));
    app.search.toggleFacet('speaker', speaker.value);
    expect(app.search.query).toBe('China');
    await vi.waitFor(() => expect(app.search.results!.total).toBe(all));
  });

  it('shows a bad query as an error, not an empty list', async () => {
    const { app } = await withSample();
    app.search.input('"unclosed');
    await app.search.run();
    expect(app.search.error).toMatch(/quotation mark/);
  });

  it('pages with More, keeping the facets of all matches', async () => {
    const backend = createFakeBackend();
    const { app } = await started(backend);
    await app.importSample();
    const search = vi.spyOn(backend, 'searchArchive');
    app.search.input('China');
    await app.search.run();
    expect(search).toHaveBeenLastCalledWith({ query: 'China', sort: 'relevance', offset: 0, limit: 50, facets: true });
    app.search.setSort('newest');
    await vi.waitFor(() => expect(search).toHaveBeenLastCalledWith({ query: 'China', sort: 'newest', offset: 0, limit: 50, facets: true }));
  });
});

describe('export', () => {
  it('previews a Chicago note, then BibTeX, and copies rich and plain text', async () => {
    const rich: [string, string][] = [];
    const backend = createFakeBackend();
    const app = new AppState(backend, { exportDebounceMs: 0, writeRich: async (html, text) => void rich.push([html, text]) });
    await app.start();
    await app.importSample();
    app.showView('export');
    await app.exporter.refresh();
    const work = app.exporter.citations!.works[0]!;
    expect(work.note).toBe(1);
    expect(work.citation).toContain('North Korea’s shifting satellite');
    expect(app.exporter.missing[0]!.missing).toContain('issued');
    expect(await app.exporter.copy()).toBe(true);
    expect(rich[0]![1]).toContain(work.citation);
    expect(rich[0]![0]).toMatch(/^<p>/);
    app.exporter.set({ outputValue: 'file:bibtex' });
    await app.exporter.refresh();
    expect(app.exporter.exported!.content).toMatch(/^@article\{/);
    expect(await app.exporter.save(null)).toMatch(/\.bib$/);
  });

  it('starts from the selected quote, at its paragraph, with its words, speaker and quoted-in line', async () => {
    const app = new AppState(createFakeBackend(), { exportDebounceMs: 0 });
    await app.start();
    await app.importSample();
    const article = app.archive.current!;
    const quote = article.quotes.find((q) => q.text === 'quite a burden')!;
    app.archive.selectQuote(quote.id);
    app.showView('export');
    expect(app.exporter.items.map((i) => [i.kind, i.id, i.locatorLabel, i.locatorValue])).toEqual([['quote', quote.id, 'paragraph', String(quote.paragraph + 1)]]);
    await app.exporter.refresh();
    const cited = app.exporter.citations!.quotes[0]!;
    expect(cited.words).toBe('quite a burden');
    expect(cited.speaker).toBe('Cho Han-bum');
    expect(cited.quoted_in).toContain(`quoted in`);
    expect(cited.citation).toContain(`para. ${quote.paragraph + 1}`);
  });
});

describe('export selection', () => {
  async function picked() {
    const backend = createFakeBackend();
    const app = new AppState(backend, { exportDebounceMs: 20, writeRich: async () => {} });
    await app.start();
    await app.importSample();
    const article = app.archive.current!;
    const [q1, q2] = article.quotes;
    app.exporter.pick(article, q1!);
    app.exporter.pick(article, q2!);
    app.exporter.pick(article);
    app.exporter.pick(article, q1!);
    return { app, backend, article, q1: q1!, q2: q2! };
  }

  it('picks quotes and an article once each, in order, and names them in the selection with their pinpoints', async () => {
    const { app, article, q1, q2 } = await picked();
    expect(app.exporter.items.map((i) => i.id)).toEqual([q1.id, q2.id, article.id]);
    expect(app.exporter.selection()).toEqual({
      ids: [q1.id, q2.id, article.id],
      collection: null,
      locators: { [q1.id]: `paragraph:${q1.paragraph + 1}`, [q2.id]: `paragraph:${q2.paragraph + 1}` },
    });
  });

  it('reorders and removes items; moves past either end do nothing', async () => {
    const { app, article, q1, q2 } = await picked();
    app.exporter.move(article.id, -1);
    expect(app.exporter.items.map((i) => i.id)).toEqual([q1.id, article.id, q2.id]);
    app.exporter.move(q1.id, -1);
    app.exporter.move(q2.id, 1);
    expect(app.exporter.items.map((i) => i.id)).toEqual([q1.id, article.id, q2.id]);
    app.exporter.remove(q1.id);
    expect(app.exporter.selection()!.ids).toEqual([article.id, q2.id]);
    app.exporter.clear();
    expect(app.exporter.selection()).toBeNull();
  });

  it('passes an edited pinpoint to the library, debounced, and cites at it', async () => {
    const { app, backend, article, q1 } = await picked();
    const cite = vi.spyOn(backend, 'citeSelection');
    app.exporter.setLocator(q1.id, 'paragraph', '1');
    app.exporter.setLocator(q1.id, 'paragraph', '12');
    app.exporter.setLocator(article.id, 'page', ' 3 ');
    await vi.waitFor(() => expect(app.exporter.citations).not.toBeNull());
    expect(cite).toHaveBeenCalledTimes(1);
    expect(cite.mock.calls[0]![0].locators).toMatchObject({ [q1.id]: 'paragraph:12', [article.id]: 'page:3' });
    const quote = app.exporter.citations!.quotes.find((q) => q.quote_id === q1.id)!;
    expect(quote.citation).toContain('para. 12');
    expect(app.exporter.citations!.works[0]!.citation).toContain('p. 3');
    // Copying while a change renders copies the new rendering, not the old one.
    app.exporter.setLocator(q1.id, 'paragraph', '13');
    expect(app.exporter.loading).toBe(true);
    expect(await app.exporter.copy()).toBe(true);
    expect(app.exporter.citations!.quotes.find((q) => q.quote_id === q1.id)!.citation).toContain('para. 13');
    app.exporter.setLocator(article.id, 'page', '');
    expect(app.exporter.selection()!.locators[article.id]).toBeUndefined();
  });

  it('ignores an answer that arrives after a newer one', async () => {
    const { app, backend, q1 } = await picked();
    const real = backend.citeSelection.bind(backend);
    const gates: (() => void)[] = [];
    vi.spyOn(backend, 'citeSelection').mockImplementation(async (selection, options) => {
      const answer = await real(selection, options);
      await new Promise<void>((resolve) => gates.push(resolve));
      return answer;
    });
    app.exporter.setLocator(q1.id, 'paragraph', '5');
    const older = app.exporter.refresh();
    app.exporter.setLocator(q1.id, 'paragraph', '6');
    const newer = app.exporter.refresh();
    await vi.waitFor(() => expect(gates).toHaveLength(2));
    gates[1]!();
    await newer;
    gates[0]!();
    await older;
    const quote = app.exporter.citations!.quotes.find((q) => q.quote_id === q1.id)!;
    expect(quote.citation).toContain('para. 6');
    expect(app.exporter.loading).toBe(false);
  });

  it('prefills a quote of a paged original with its page', async () => {
    const app = new AppState(createFakeBackend({ syndicatedCopy: true }), { exportDebounceMs: 0 });
    await app.start();
    const paged = app.archive.articles.find((a) => a.title.startsWith('North Korea moves'))!;
    await app.open(paged.id);
    const article = app.archive.current!;
    const quote = article.quotes.find((q) => article.pages[q.paragraph] !== undefined)!;
    app.exporter.pick(article, quote);
    expect(app.exporter.items[0]).toMatchObject({ locatorLabel: 'page', locatorValue: String(article.pages[quote.paragraph]) });
  });

  it('adds a search hit by id, and saves an HTML page', async () => {
    const { app, q2 } = await picked();
    app.exporter.clear();
    expect(await app.exporter.pickById(app.archive.current!.id, q2.id)).toBe(true);
    expect(app.exporter.items.map((i) => i.id)).toEqual([q2.id]);
    expect(await app.exporter.pickById(app.archive.current!.id, 'no-such-quote')).toBe(false);
    app.exporter.set({ outputValue: 'cite:html' });
    expect(app.exporter.saveFormat()).toBe('html');
    app.exporter.set({ outputValue: 'cite:text' });
    expect(app.exporter.saveFormat()).toBe('markdown-notes');
    app.exporter.set({ outputValue: 'file:html' });
    await app.exporter.refresh();
    expect(app.exporter.exported!.content).toMatch(/^<!DOCTYPE html>/);
    expect(await app.exporter.save(null)).toMatch(/\.html$/);
  });
});

describe('search index', () => {
  it('rebuilds with progress from the backend, once at a time, and says how many articles it indexed', async () => {
    const backend = createFakeBackend();
    const { app } = await started(backend);
    await app.importSample();
    const rebuild = vi.spyOn(backend, 'reindex');
    const heard = vi.spyOn(app.searchIndex, 'heard');
    const running = app.searchIndex.rebuild();
    expect(app.searchIndex.progress).not.toBeNull();
    await app.searchIndex.rebuild();
    await running;
    expect(rebuild).toHaveBeenCalledTimes(1);
    expect(heard.mock.calls.map(([p]) => p)).toEqual([
      { done: 0, total: 1 },
      { done: 1, total: 1 },
    ]);
    expect(app.searchIndex.progress).toBeNull();
    expect(app.notices.items.at(-1)?.title).toBe('Search index rebuilt: 1 article.');
  });

  it('says so when the rebuild fails, and is ready to try again', async () => {
    const backend = createFakeBackend();
    const { app } = await started(backend);
    vi.spyOn(backend, 'reindex').mockRejectedValueOnce({ kind: 'search', message: 'index is locked' });
    await app.searchIndex.rebuild();
    expect(app.notices.items.at(-1)?.tone).toBe('error');
    expect(app.searchIndex.progress).toBeNull();
  });
});

