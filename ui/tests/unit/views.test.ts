// Tests the trash, the search's date range, tagging library rows and selections, and undoing a
// metadata save or a merge, against the in-memory fake backend.

import { describe, expect, it, vi } from 'vitest';
import { createFakeBackend } from '../../src/ipc/fakeBackend';
import { momentLabel } from '../../src/lib/labels';
import { AppState } from '../../src/lib/stores/app.svelte';

/** The sample (undated) and another outlet's copy of it, dated 10 July 2024. */
async function withCopy() {
  const app = new AppState(createFakeBackend({ syndicatedCopy: true }), { writeRich: async () => {} });
  await app.start();
  return app;
}

describe('trash', () => {
  it('lists deleted articles with when, restores the selected ones, and counts them', async () => {
    const app = await withCopy();
    const [first, second] = app.archive.rows;
    await app.deleteArticle(first!.id);
    await app.deleteArticle(second!.id);
    expect(app.archive.articles).toHaveLength(0);
    expect(app.trash.items.map((t) => t.article.id).sort()).toEqual([first!.id, second!.id].sort());
    expect(Date.parse(app.trash.items[0]!.deleted_at)).not.toBeNaN();

    app.trash.show(true);
    await vi.waitFor(() => expect(app.trash.items).toHaveLength(2));
    app.trash.toggle(second!.id);
    expect(await app.trash.restoreSelected()).toBe(true);
    expect(app.archive.articles.map((a) => a.id)).toEqual([second!.id]);
    expect(app.trash.items.map((t) => t.article.id)).toEqual([first!.id]);
    expect(app.trash.selected.size).toBe(0);
    expect(app.notices.items.at(-1)?.title).toBe('Restored 1 article.');
  });

  it('purges only after the confirmation, for good', async () => {
    const app = await withCopy();
    const id = app.archive.rows[0]!.id;
    await app.deleteArticle(id);
    app.trash.show(true);
    app.trash.confirmingPurge = true;
    expect(await app.trash.purge()).toBe(true);
    expect(app.trash.confirmingPurge).toBe(false);
    expect(app.trash.items).toEqual([]);
    expect(app.notices.items.at(-1)?.title).toBe('Deleted 1 article for good.');
    app.trash.selectAll(true);
    expect(await app.trash.restoreSelected()).toBe(false);
  });

  it('says when, in local time', () => {
    const now = new Date(2026, 10, 29, 15, 0);
    expect(momentLabel(new Date(2026, 10, 29, 9, 5).toISOString(), now)).toBe('today 09:05');
    expect(momentLabel(new Date(2026, 10, 28, 23, 59).toISOString(), now)).toBe('yesterday 23:59');
    expect(momentLabel(new Date(2025, 0, 3, 8, 0).toISOString(), now)).toBe('3 Jan 2025 08:00');
  });
});

describe('search date range', () => {
  it('narrows through the query’s date term, open ends allowed', async () => {
    const app = await withCopy();
    app.search.input('Cho');
    await app.search.run();
    const all = app.search.results!.total;
    app.search.setDateRange({ from: '2024-07', to: '' });
    expect(app.search.query).toBe('Cho date:2024-07..');
    await vi.waitFor(() => expect(app.search.results!.hits.every((h) => h.date === '2024-07-10')).toBe(true));
    expect(app.search.results!.total).toBeLessThan(all);
    app.search.setDateRange({ from: '', to: '2024-07-09' });
    await vi.waitFor(() => expect(app.search.results?.total).toBe(0));
    app.search.setDateRange({ from: '', to: '' });
    expect(app.search.query).toBe('Cho');
    await vi.waitFor(() => expect(app.search.results!.total).toBe(all));
  });

  it('a range alone, without words, lists everything dated in it; clearing it empties the search', async () => {
    const app = await withCopy();
    app.search.open = true;
    app.search.setDateRange({ from: '2024-07-10', to: '2024-07-10' });
    expect(app.search.query).toBe('date:2024-07-10');
    await vi.waitFor(() => expect(app.search.results?.total).toBeGreaterThan(0));
    expect(app.search.results!.hits.every((h) => h.date === '2024-07-10')).toBe(true);
    expect(app.search.results!.hits.some((h) => h.kind === 'article')).toBe(true);
    app.search.setDateRange({ from: '', to: '' });
    expect(app.search.query).toBe('');
    expect(app.search.results).toBeNull();
    expect(app.search.open).toBe(true);
  });

  it('a year facet becomes the range, and a second click takes it out', async () => {
    const app = await withCopy();
    app.search.input('Cho date:2020..2021');
    await app.search.run();
    app.search.input('Cho');
    await app.search.run();
    app.search.toggleFacet('year', '2024');
    expect(app.search.query).toBe('Cho date:2024');
    expect(app.search.dateRange).toEqual({ from: '2024', to: '2024' });
    app.search.toggleFacet('year', '2024');
    expect(app.search.query).toBe('Cho');
  });

  it('shows the parser’s pointed error for a malformed or backwards range', async () => {
    const app = await withCopy();
    app.search.input('Cho');
    app.search.setDateRange({ from: '2024-13', to: '' });
    await vi.waitFor(() => expect(app.search.error).toMatch(/malformed date "2024-13" at column 10/));
    expect(app.search.results).toBeNull();
    app.search.setDateRange({ from: '2024', to: '2023' });
    await vi.waitFor(() => expect(app.search.error).toMatch(/ends before it starts/));
  });
});

describe('tags on library rows', () => {
  it('tags and untags a selection of rows at once', async () => {
    const app = await withCopy();
    const [first, second] = app.archive.rows;
    app.archive.cursor = 0;
    app.archive.selectTo(1);
    expect([...app.archive.selected].sort()).toEqual([first!.id, second!.id].sort());
    expect(await app.tags.addTo([...app.archive.selected], 'treaty')).toBe(true);
    expect(app.archive.rows.every((a) => a.tags.includes('treaty'))).toBe(true);
    expect(app.tags.all).toEqual([['treaty', 2]]);
    app.archive.toggleSelected(first!.id);
    expect(await app.tags.removeFrom([...app.archive.selected], 'treaty')).toBe(true);
    expect(app.archive.byId.get(second!.id)?.tags).toEqual([]);
    expect(app.archive.byId.get(first!.id)?.tags).toEqual(['treaty']);
  });

  it('drops deleted articles from the selection', async () => {
    const app = await withCopy();
    const [first, second] = app.archive.rows;
    app.archive.toggleSelected(first!.id);
    app.archive.toggleSelected(second!.id);
    await app.deleteArticle(first!.id);
    expect([...app.archive.selected]).toEqual([second!.id]);
  });
});

describe('add to export from library rows', () => {
  it('picks one row, then a selection, each article cited whole once, in the order given', async () => {
    const app = await withCopy();
    const [first, second] = app.archive.rows;
    expect(await app.exporter.pickArticles([second!.id])).toBe(1);
    expect(app.notices.items.at(-1)?.title).toBe('Added an article to the export.');
    expect(await app.exporter.pickArticles([first!.id, second!.id])).toBe(1);
    expect(app.exporter.items.map((i) => [i.id, i.kind, i.locatorValue])).toEqual([
      [second!.id, 'article', ''],
      [first!.id, 'article', ''],
    ]);
    expect(app.exporter.items[1]!.articleTitle).toBe(first!.title);
    expect(await app.exporter.pickArticles([first!.id])).toBe(0);
    expect(app.exporter.scope).toBe('items');
  });

  it('skips an article deleted meanwhile and says so', async () => {
    const app = await withCopy();
    const [first, second] = app.archive.rows;
    await app.deleteArticle(first!.id);
    expect(await app.exporter.pickArticles([first!.id, second!.id])).toBe(1);
    expect(app.exporter.items.map((i) => i.id)).toEqual([second!.id]);
    expect(app.notices.items.some((n) => n.title.startsWith('Could not add it to the export'))).toBe(true);
  });
});

describe('metadata undo', () => {
  it('Undo puts the previous values back through the same edit, clearing what was empty', async () => {
    const app = await withCopy();
    const copy = app.archive.rows.find((a) => a.date === '2024-07-10')!;
    await app.open(copy.id);
    const before = app.archive.form!.initial;
    app.archive.form!.values.date = '2024-07-11';
    app.archive.form!.values.url = 'https://example.com/a';
    await app.saveMeta();
    expect(app.archive.current?.source.URL).toBe('https://example.com/a');
    expect(app.archive.metaUndo?.patch).toEqual({ title: null, publication: null, author: null, date: '2024-07-10', url: '' });

    const offer = app.notices.items.find((n) => n.title === 'Metadata saved.')!;
    await offer.action!.run();
    await vi.waitFor(() => expect(app.archive.current?.source.URL).toBeUndefined());
    expect(app.archive.form?.initial).toEqual(before);
    expect(app.archive.byId.get(copy.id)?.date).toBe('2024-07-10');
    expect(app.archive.metaUndo).toBeNull();
    expect(app.notices.items.at(-1)?.title).toBe('Metadata change undone.');
  });
});

describe('merge undo', () => {
  it('Undo makes the merged spelling a separate person again, with its quotes', async () => {
    const app = await withCopy();
    app.showView('people');
    await app.people.refresh();
    const before = app.people.persons;
    await app.people.open('Cho Han-bum');
    app.people.proposeMerge(before.find((p) => p.name === 'Cho Han-beom')!.id);
    expect(await app.people.confirmMerge()).toBe(true);
    const offer = app.notices.items.find((n) => n.action?.label === 'Undo')!;
    expect(offer.title).toBe('Merged Cho Han-beom into Cho Han-bum.');

    await offer.action!.run();
    await vi.waitFor(() => expect(app.people.current?.name).toBe('Cho Han-beom'));
    expect(app.people.persons).toEqual(before);
    expect(app.notices.items.at(-1)?.title).toBe('Cho Han-beom is a separate entry again.');
  });
});

describe('trash and delete notices', () => {
  it('restoring from the trash view withdraws the delete notices’ Undo', async () => {
    const app = await withCopy();
    const id = app.archive.rows[0]!.id;
    await app.deleteArticle(id);
    expect(app.notices.items.some((n) => n.title.includes('to the trash'))).toBe(true);
    app.trash.selectAll(true);
    await app.trash.restoreSelected();
    expect(app.notices.items.some((n) => n.title.includes('to the trash'))).toBe(false);
  });
});
