// Tests correcting quotes in the reader (confirm, edit, delete with undo, add from a selection)
// against the in-memory fake backend.

import { describe, expect, it } from 'vitest';
import type { Backend } from '../../src/ipc/backend';
import type { StoredQuote } from '../../src/ipc/bindings/StoredQuote';
import { createFakeBackend } from '../../src/ipc/fakeBackend';
import { AppState } from '../../src/lib/stores/app.svelte';

async function withSample(backend: Backend = createFakeBackend()) {
  const app = new AppState(backend, { writeRich: async () => {} });
  await app.start();
  await app.importSample();
  return app;
}

const quoteBy = (app: AppState, speaker: string, kind?: StoredQuote['kind']): StoredQuote =>
  app.archive.current!.quotes.find((q) => q.speaker === speaker && (kind === undefined || q.kind === kind))!;

/** The span of `words` in the open article, in chars. */
function spanOf(app: AppState, words: string) {
  const text = app.archive.current!.text;
  const start = Array.from(text.slice(0, text.indexOf(words))).length;
  return { start, end: start + Array.from(words).length };
}

describe('confirming and correcting', () => {
  it('confirms a quote the extractor got right', async () => {
    const app = await withSample();
    const quote = quoteBy(app, 'Kang Jun-young', 'indirect');
    expect(quote.review).toBe('unreviewed');
    await app.review.confirm(quote);
    expect(quoteBy(app, 'Kang Jun-young', 'indirect').review).toBe('confirmed');
    expect(app.review.pending.size).toBe(0);
  });

  it('corrects the speaker, sending only what changed, and recolours the legend', async () => {
    const fake = createFakeBackend();
    const patches: unknown[] = [];
    const app = await withSample({ ...fake, editQuote: (id, patch) => (patches.push(patch), fake.editQuote(id, patch)) });
    const quote = quoteBy(app, 'South Korean ministry of unification official');
    app.review.startEdit(quote);
    app.review.editing!.draft.setSpeaker('Ministry of Unification');
    await app.review.saveEdit();
    expect(patches).toEqual([{ start: null, end: null, kind: null, speaker: 'Ministry of Unification', descriptor: null, cue: null }]);
    const edited = app.archive.current!.quotes.find((q) => q.id === quote.id)!;
    expect(edited).toMatchObject({ speaker: 'Ministry of Unification', review: 'edited', text: quote.text });
    expect(app.archive.legend.map((e) => e.speaker)).toContain('Ministry of Unification');
    expect(app.review.editing).toBeNull();
  });

  it('moves a quote to the words selected in the reader', async () => {
    const app = await withSample();
    const quote = quoteBy(app, 'Cho Han-bum', 'partial');
    app.review.startEdit(quote);
    app.review.selection = spanOf(app, '“quite a burden” for China');
    app.review.useSelection();
    expect(app.review.editing!.draft.span.text).toBe('quite a burden” for China');
    await app.review.saveEdit();
    const moved = app.archive.current!.quotes.find((q) => q.id === quote.id)!;
    expect(moved.text).toBe('quite a burden” for China');
    expect(moved.review).toBe('edited');
  });

  it('keeps the form open with the backend’s reason when a correction is refused', async () => {
    const app = await withSample();
    app.review.startEdit(quoteBy(app, 'LyngSat'));
    app.review.editing!.draft.setSpeaker('   ');
    await app.review.saveEdit();
    expect(app.review.editing).not.toBeNull();
    app.review.editing!.draft.setSpeaker('LyngSat satellite database');
    app.review.editing!.draft.span = { text: 'x', paragraph: 0, start: 5, end: 2 };
    await app.review.saveEdit();
    expect(app.review.editing?.draft.error).toMatch(/^invalid quote: the span 5..2/);
  });

  it('closes an edit that changes nothing without a call', async () => {
    const app = await withSample();
    app.review.startEdit(quoteBy(app, 'LyngSat'));
    await app.review.saveEdit();
    expect(app.review.editing).toBeNull();
    expect(quoteBy(app, 'LyngSat').review).toBe('unreviewed');
  });
});

describe('deleting with undo', () => {
  it('takes the quote out, then puts it back as it was from the notice', async () => {
    const app = await withSample();
    const quote = quoteBy(app, 'LyngSat');
    app.archive.selectQuote(quote.id);
    const count = app.archive.articles[0]!.quote_count;
    await app.review.remove(quote);
    expect(app.archive.current!.quotes.some((q) => q.id === quote.id)).toBe(false);
    expect(app.archive.selectedQuoteId).toBeNull();
    expect(app.archive.articles[0]!.quote_count).toBe(count - 1);

    const notice = app.notices.items.at(-1)!;
    expect(notice.title).toBe('Deleted the quote by LyngSat.');
    expect(notice.action?.label).toBe('Undo');
    await notice.action!.run();
    expect(app.notices.items).not.toContain(notice);
    const back = app.archive.current!.quotes.find((q) => q.id === quote.id);
    expect(back).toMatchObject({ text: quote.text, speaker: 'LyngSat', review: 'unreviewed', start: quote.start });
    expect(app.archive.articles[0]!.quote_count).toBe(count);
  });
});

describe('adding from a selection', () => {
  it('quotes the selected words without their marks, with the speaker’s role prefilled', async () => {
    const app = await withSample();
    app.review.selection = spanOf(app, ' “treaty on the comprehensive strategic partnership” ');
    app.review.startAdd();
    const draft = app.review.adding!;
    expect(draft.span.text).toBe('treaty on the comprehensive strategic partnership');
    draft.setSpeaker('Vladimir Putin');
    expect(draft.descriptor).toBe('');
    draft.setSpeaker('Cho Han-bum');
    expect(draft.descriptor).toBe('a senior research fellow at the Korea Institute for National Unification');
    draft.kind = 'partial';
    await app.review.saveAdd();
    expect(app.review.adding).toBeNull();
    const added = app.archive.selectedQuote!;
    expect(added).toMatchObject({ speaker: 'Cho Han-bum', kind: 'partial', review: 'added', text: 'treaty on the comprehensive strategic partnership', paragraph: 4 });
  });

  it('keeps a role the user typed when the speaker changes', async () => {
    const app = await withSample();
    app.review.selection = spanOf(app, 'Russia can now intervene');
    app.review.startAdd();
    const draft = app.review.adding!;
    draft.setDescriptor('a fellow');
    draft.setSpeaker('Cho Han-bum');
    expect(draft.descriptor).toBe('a fellow');
  });

  it('counts offsets in chars, past characters outside the BMP', async () => {
    const app = await withSample();
    const bytes = new TextEncoder().encode('A 𠜎 headline\n\n😀 Kim said 𠜎 “we are ready” today.\n');
    await app.importFiles([new File([bytes], 'emoji.txt')]);
    expect(app.archive.current?.title).toBe('A 𠜎 headline');
    app.review.selection = spanOf(app, '“we are ready”');
    expect(app.review.selection).toEqual({ start: 13, end: 27 });
    app.review.startAdd();
    app.review.adding!.setSpeaker('Kim Yo-jong');
    await app.review.saveAdd();
    expect(app.archive.selectedQuote).toMatchObject({ text: 'we are ready', start: 14, end: 26 });
  });

  it('needs a speaker', async () => {
    const app = await withSample();
    app.review.selection = spanOf(app, 'Russia can now intervene');
    app.review.startAdd();
    expect(app.review.adding!.valid).toBe(false);
    await app.review.saveAdd();
    expect(app.review.adding).not.toBeNull();
  });
});

describe('people after corrections', () => {
  it('lists a new speaker once a quote names them', async () => {
    const app = await withSample();
    app.showView('people');
    await app.people.refresh();
    expect(app.people.persons.some((p) => p.name === 'Kim Yo-jong')).toBe(false);
    app.review.selection = spanOf(app, 'Russia can now intervene');
    app.review.startAdd();
    app.review.adding!.setSpeaker('Kim Yo-jong');
    await app.review.saveAdd();
    await app.people.refresh();
    expect(app.people.persons.find((p) => p.name === 'Kim Yo-jong')?.quote_count).toBe(1);
  });
});
