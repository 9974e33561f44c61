// People correcting the extractor in the reader: confirm, edit (fields and span), delete with
// undo, and add a quote from a text selection. The backend reads every quote's words from the
// article itself; the UI only ever sends spans.

import type { Backend } from '../../ipc/backend';
import type { Span } from '../../ipc/bindings/Span';
import type { StoredQuote } from '../../ipc/bindings/StoredQuote';
import { toIpcError } from '../../ipc/errors';
import { type QuotedSpan, quotedSpan } from '../text/quoteSpan';
import { innerSpan } from '../text/selection';
import type { ArchiveStore } from './archive.svelte';
import type { Notices } from './notices.svelte';
import { isEmptyPatch, knownSpeakers, QuoteDraft } from './quoteDraft.svelte';

export interface QuoteEdit {
  quoteId: string;
  draft: QuoteDraft;
}

export class ReviewStore {
  /** The span of article text selected in the reader, if any. */
  selection = $state.raw<Span | null>(null);
  /** The selected quote under correction. */
  editing = $state.raw<QuoteEdit | null>(null);
  /** A quote being made from a selection, before it is saved. */
  adding = $state.raw<QuoteDraft | null>(null);
  /** Quotes with a confirm or delete on its way to the backend. */
  pending = $state.raw<ReadonlySet<string>>(new Set());

  /** The open article's speakers, with the role each was first given. */
  readonly speakers: ReadonlyMap<string, string | null>;
  /** The open article's text as chars, the unit of every offset. */
  readonly #chars: readonly string[];

  readonly #backend: Backend;
  readonly #archive: ArchiveStore;
  readonly #notices: Notices;
  readonly #changed: () => void;

  /** `changed` hears of every stored change to a quote (the people view then reloads). */
  constructor(backend: Backend, archive: ArchiveStore, notices: Notices, changed: () => void) {
    this.#backend = backend;
    this.#archive = archive;
    this.#notices = notices;
    this.#changed = changed;
    this.speakers = $derived(knownSpeakers(archive.current?.quotes ?? []));
    this.#chars = $derived(Array.from(archive.current?.text ?? ''));
  }

  /** The words a selection would quote: its marks and edge spaces left out. */
  quotable(span: Span): QuotedSpan | null {
    const article = this.#archive.current;
    const inner = innerSpan(this.#chars, span);
    return article && inner ? quotedSpan(this.#chars, article.paragraphs, inner) : null;
  }

  async confirm(quote: StoredQuote): Promise<void> {
    await this.#busyWith(quote.id, 'Could not confirm the quote', async (articleId) => {
      this.#archive.putQuote(articleId, await this.#backend.confirmQuote(quote.id));
    });
  }

  async remove(quote: StoredQuote): Promise<void> {
    await this.#busyWith(quote.id, 'Could not delete the quote', async () => {
      const [articleId, deleted] = await this.#backend.deleteQuote(quote.id);
      if (this.editing?.quoteId === quote.id) this.editing = null;
      this.#archive.dropQuote(articleId, deleted.id);
      this.#notices.offer(`Deleted the quote by ${deleted.speaker}.`, {
        label: 'Undo',
        run: () => this.#restore(articleId, deleted),
      });
    });
  }

  startEdit(quote: StoredQuote): void {
    const span = { text: quote.text, paragraph: quote.paragraph, start: quote.start, end: quote.end };
    this.editing = { quoteId: quote.id, draft: new QuoteDraft(quote, span, this.speakers) };
  }

  /** Moves the edited quote to the text selected in the reader. */
  useSelection(): void {
    const quoted = this.selection && this.quotable(this.selection);
    if (this.editing && quoted) this.editing.draft.span = quoted;
  }

  cancelEdit(): void {
    this.editing = null;
  }

  async saveEdit(): Promise<void> {
    const edit = this.editing;
    const article = this.#archive.current;
    const quote = article?.quotes.find((q) => q.id === edit?.quoteId);
    if (!edit || !article || !quote || edit.draft.saving || !edit.draft.valid) return;
    const patch = edit.draft.patch(quote);
    if (isEmptyPatch(patch)) {
      this.editing = null;
      return;
    }
    await this.#save(edit.draft, async () => {
      this.#archive.putQuote(article.id, await this.#backend.editQuote(quote.id, patch));
      if (this.editing === edit) this.editing = null;
    });
  }

  /** Opens the new-quote form for the current selection. */
  startAdd(): void {
    const quoted = this.selection && this.quotable(this.selection);
    if (!quoted) return;
    this.#archive.selectQuote(null);
    this.adding = new QuoteDraft({ speaker: '', descriptor: null, kind: 'direct', cue: null }, quoted, this.speakers);
  }

  cancelAdd(): void {
    this.adding = null;
  }

  async saveAdd(): Promise<void> {
    const draft = this.adding;
    const article = this.#archive.current;
    if (!draft || !article || draft.saving || !draft.valid) return;
    await this.#save(draft, async () => {
      const quote = await this.#backend.addQuote(article.id, draft.input());
      this.#archive.putQuote(article.id, quote);
      this.#archive.selectQuote(quote.id);
      if (this.adding === draft) this.adding = null;
      this.selection = null;
    });
  }

  async #restore(articleId: string, quote: StoredQuote): Promise<void> {
    try {
      const restored = await this.#backend.restoreQuote(articleId, quote);
      this.#archive.putQuote(articleId, restored);
      this.#changed();
    } catch (error) {
      this.#notices.error('Could not restore the quote', error);
    }
  }

  async #save(draft: QuoteDraft, work: () => Promise<void>): Promise<void> {
    draft.saving = true;
    draft.error = null;
    try {
      await work();
      this.#changed();
    } catch (error) {
      draft.error = toIpcError(error).message;
    } finally {
      draft.saving = false;
    }
  }

  /** Runs one call about a quote of the open article, at most one at a time per quote. */
  async #busyWith(quoteId: string, context: string, work: (articleId: string) => Promise<void>): Promise<void> {
    const articleId = this.#archive.current?.id;
    if (articleId === undefined || this.pending.has(quoteId)) return;
    this.pending = new Set([...this.pending, quoteId]);
    try {
      await work(articleId);
      this.#changed();
    } catch (error) {
      this.#notices.error(context, error);
    } finally {
      this.pending = new Set([...this.pending].filter((id) => id !== quoteId));
    }
  }
}
