// Tests the people view, tags, collections and file imports against the in-memory fake backend.

import { describe, expect, it } from 'vitest';
import { createFakeBackend } from '../../src/ipc/fakeBackend';
import { AppState } from '../../src/lib/stores/app.svelte';

/** The sample and another outlet's copy of it, which spells Cho Han-bum "Cho Han-beom". */
async function withCopy() {
  const app = new AppState(createFakeBackend({ syndicatedCopy: true }), { writeRich: async () => {} });
  await app.start();
  return app;
}

describe('people', () => {
  it('lists everyone named, most quoted first, without unnamed sources', async () => {
    const app = await withCopy();
    app.showView('people');
    await app.people.refresh();
    const names = app.people.persons.map((p) => p.name);
    expect(names).toContain('Cho Han-bum');
    expect(names).toContain('Cho Han-beom');
    expect(names).not.toContain('South Korean ministry of unification official');
    const counts = app.people.persons.map((p) => p.quote_count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const kang = app.people.persons.find((p) => p.name === 'Kang Jun-young')!;
    expect([kang.quote_count, kang.article_count, kang.latest]).toEqual([4, 2, '2024-07-10']);
  });

  it('filters by name and opens a person with roles and quotes by date, undated last', async () => {
    const app = await withCopy();
    await app.people.refresh();
    app.people.setFilter('cho han');
    expect(app.people.rows.map((p) => p.name).sort()).toEqual(['Cho Han-beom', 'Cho Han-bum']);
    await app.people.open('Kang Jun-young');
    const kang = app.people.current!;
    expect(kang.roles).toEqual([
      { descriptor: 'a professor of Chinese studies at Hankuk University of Foreign Studies in Seoul', first: '2024-07-10', last: '2024-07-10', article_count: 2 },
    ]);
    expect(kang.quotes.map((q) => q.date)).toEqual(['2024-07-10', '2024-07-10', null, null]);
  });

  it('opens a quote of a person in the reader, selected', async () => {
    const app = await withCopy();
    app.showView('people');
    await app.people.open('Cho Han-bum');
    const first = app.people.current!.quotes[0]!;
    await app.openQuote(first.article_id, first.quote.id);
    expect(app.view).toBe('library');
    expect(app.archive.current?.id).toBe(first.article_id);
    expect(app.archive.selectedQuoteId).toBe(first.quote.id);
    expect(app.archive.scrollRequest?.quoteId).toBe(first.quote.id);
  });

  it('merges a second spelling into a person after confirmation', async () => {
    const app = await withCopy();
    app.showView('people');
    await app.people.refresh();
    await app.people.open('Cho Han-bum');
    const other = app.people.persons.find((p) => p.name === 'Cho Han-beom')!;
    app.people.proposeMerge(other.id);
    expect(app.people.mergeCandidate?.name).toBe('Cho Han-beom');
    expect(await app.people.confirmMerge()).toBe(true);
    expect(app.people.current?.aliases).toEqual(['Cho Han-beom']);
    expect(app.people.current?.quotes).toHaveLength(6);
    expect(app.people.persons.some((p) => p.name === 'Cho Han-beom')).toBe(false);
    expect(app.people.persons.find((p) => p.name === 'Cho Han-bum')?.article_count).toBe(2);
    expect(app.notices.items.at(-1)?.title).toBe('Merged Cho Han-beom into Cho Han-bum.');
    await app.open(app.archive.rows.find((a) => a.title.startsWith('North Korea moves'))!.id);
    const moved = app.archive.current!.quotes.find((q) => q.speaker === 'Cho Han-beom')!;
    expect(moved.names).toEqual(['Cho Han-bum', 'Cho Han-beom']);
  });

  it('adds an alias, and refuses one that names someone else', async () => {
    const app = await withCopy();
    await app.people.refresh();
    await app.people.open('Cho Han-bum');
    expect(await app.people.addAlias('조한범')).toBe(true);
    expect(app.people.current?.aliases).toEqual(['조한범']);
    expect(app.people.persons.find((p) => p.name === 'Cho Han-bum')?.aliases).toEqual(['조한범']);
    expect(await app.people.addAlias('cho han beom')).toBe(false);
    expect(app.people.aliasError).toMatch(/already names another person/);
  });
});

describe('tags', () => {
  it('tags articles, lists the counts, and filters the library by tag', async () => {
    const app = await withCopy();
    const [first, second] = app.archive.rows;
    await app.tags.add(first!.id, '  treaty  ');
    await app.tags.add(second!.id, 'treaty');
    await app.tags.add(second!.id, 'satellite');
    expect(app.tags.all).toEqual([['satellite', 1], ['treaty', 2]]);
    expect(app.archive.byId.get(second!.id)?.tags).toEqual(['satellite', 'treaty']);
    app.archive.setView({ filterTag: 'satellite' });
    expect(app.archive.rows.map((a) => a.id)).toEqual([second!.id]);
    await app.tags.remove(second!.id, 'satellite');
    expect(app.archive.filterTag).toBeNull();
    expect(app.archive.rows).toHaveLength(2);
  });

  it('shows the tags of the open article as they change', async () => {
    const app = await withCopy();
    await app.open(app.archive.rows[0]!.id);
    await app.tags.add(app.archive.current!.id, 'kcna');
    expect(app.archive.current?.tags).toEqual(['kcna']);
  });

  it('refuses an empty tag without a call', async () => {
    const app = await withCopy();
    expect(await app.tags.add(app.archive.rows[0]!.id, '   ')).toBe(false);
  });
});

describe('collections', () => {
  it('creates one, adds an article and a quote, and lists them with the quote’s words', async () => {
    const app = await withCopy();
    const article = app.archive.rows[0]!;
    await app.open(article.id);
    const quote = app.archive.current!.quotes[0]!;
    const made = await app.collections.create(' Treaty paper ');
    expect(made?.name).toBe('Treaty paper');
    await app.collections.add('Treaty paper', { article_id: article.id, quote_id: null });
    await app.collections.add('Treaty paper', { article_id: article.id, quote_id: quote.id });
    await app.collections.add('Treaty paper', { article_id: article.id, quote_id: null });
    expect(app.collections.list.map((c) => [c.name, c.items.length])).toEqual([['Treaty paper', 2]]);
    await app.collections.show(made!.id);
    expect(app.collections.open?.items).toEqual([
      { article_id: article.id, quote_id: null },
      { article_id: article.id, quote_id: quote.id },
    ]);
    expect(app.collections.quotes.get(quote.id)?.text).toBe(quote.text);
  });

  it('deletes a collection and brings it back with its items on undo', async () => {
    const app = await withCopy();
    const article = app.archive.rows[0]!;
    await app.collections.add('Satellite', { article_id: article.id, quote_id: null });
    await app.collections.show(app.collections.list[0]!.id);
    await app.collections.remove(app.collections.open!);
    expect(app.collections.list).toEqual([]);
    expect(app.collections.open).toBeNull();
    const notice = app.notices.items.at(-1)!;
    expect(notice.title).toBe('Deleted the collection “Satellite”.');
    await notice.action!.run();
    expect(app.collections.list.map((c) => [c.name, c.items])).toEqual([['Satellite', [{ article_id: article.id, quote_id: null }]]]);
  });

  it('renames, refusing a name another collection has, and takes items out', async () => {
    const app = await withCopy();
    const article = app.archive.rows[0]!;
    await app.collections.create('A');
    const b = (await app.collections.create('B'))!;
    expect(await app.collections.rename(b, 'A')).toBe(false);
    expect(app.collections.nameError).toBe('a collection named "A" exists already');
    expect(await app.collections.rename(b, 'Thesis')).toBe(true);
    expect(app.collections.list.map((c) => c.name)).toEqual(['A', 'Thesis']);
    await app.collections.add('Thesis', { article_id: article.id, quote_id: null });
    await app.collections.show(b.id);
    await app.collections.takeOut({ article_id: article.id, quote_id: null });
    expect(app.collections.open?.items).toEqual([]);
  });
});

describe('importing picked files', () => {
  const file = (name: string, content: string | Uint8Array<ArrayBuffer>) => new File([content], name);

  it('imports each file, reports duplicates and failures, and opens the summary from the notice', async () => {
    const app = new AppState(createFakeBackend(), { writeRich: async () => {} });
    await app.start();
    const seen: string[] = [];
    const clip = 'Kim arrives in Vladivostok\n\nThe train crossed the border on Tuesday.\n';
    const importing = app.importFiles([file('kim.txt', clip), file('kim again.txt', clip), file('broken.pdf', new Uint8Array([0x25, 0x50, 0, 1, 2]))]);
    seen.push(`${app.imports.progress?.done}/${app.imports.progress?.total}`);
    await importing;
    expect(seen).toEqual(['0/3']);
    const report = app.imports.report!;
    expect([report.imported, report.duplicates, report.failed]).toEqual([1, 1, 1]);
    expect(report.outcomes.map((o) => o.status)).toEqual(['imported', 'duplicate', 'failed']);
    expect(report.outcomes[2]!.error).toBe('broken.pdf: the file looks binary, not text (byte 2 is a control byte)');
    expect(app.archive.articles.map((a) => a.title)).toEqual(['Kim arrives in Vladivostok']);
    expect(app.imports.running).toBe(false);

    const notice = app.notices.items.at(-1)!;
    expect(notice.title).toBe('Import finished: 1 imported, 1 duplicate, 1 failed.');
    expect(notice.tone).toBe('error');
    expect(notice.details).toEqual(['broken.pdf: the file looks binary, not text (byte 2 is a control byte)']);
    notice.action!.run();
    expect(app.imports.summaryOpen).toBe(true);
  });

  it('lists a file that cannot be sent as failed, and goes on with the rest', async () => {
    const fake = createFakeBackend();
    const app = new AppState({ ...fake, importFile: (name, bytes) => (name === 'bad.txt' ? Promise.reject('IPC gone') : fake.importFile(name, bytes)) }, { writeRich: async () => {} });
    await app.start();
    await app.importFiles([file('bad.txt', 'x'), file('good.txt', 'Title\n\nBody.')]);
    expect(app.imports.report?.outcomes.map((o) => [o.path, o.status, o.error])).toEqual([
      ['bad.txt', 'failed', 'IPC gone'],
      ['good.txt', 'imported', null],
    ]);
  });
});
