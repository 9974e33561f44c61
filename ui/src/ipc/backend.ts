// The UI's only door to the Rust side: the Backend interface and its Tauri implementation.
//
// Nothing else in the UI imports @tauri-apps/*, so tests and the browser preview can swap in
// the in-memory fake (fakeBackend.ts) behind the same interface.

import { invoke, type InvokeArgs, type InvokeOptions } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import { getCurrentWebview } from '@tauri-apps/api/webview';
import type { ArchiveInfo } from './bindings/ArchiveInfo';
import type { Article } from './bindings/Article';
import type { ArticleSummary } from './bindings/ArticleSummary';
import type { Citations } from './bindings/Citations';
import type { CiteOptions } from './bindings/CiteOptions';
import type { Export } from './bindings/Export';
import type { ExportFormat } from './bindings/ExportFormat';
import type { Selection } from './bindings/Selection';
import type { Collection } from './bindings/Collection';
import type { CollectionItem } from './bindings/CollectionItem';
import type { ImportProgress } from './bindings/ImportProgress';
import type { ReindexProgress } from './bindings/ReindexProgress';
import type { ImportReport } from './bindings/ImportReport';
import type { Merged } from './bindings/Merged';
import type { MetaPatch } from './bindings/MetaPatch';
import type { Original } from './bindings/Original';
import type { Person } from './bindings/Person';
import type { PersonMerge } from './bindings/PersonMerge';
import type { PersonSummary } from './bindings/PersonSummary';
import type { QuoteInput } from './bindings/QuoteInput';
import type { QuotePatch } from './bindings/QuotePatch';
import type { SearchRequest } from './bindings/SearchRequest';
import type { SearchResults } from './bindings/SearchResults';
import type { StoredQuote } from './bindings/StoredQuote';
import type { StyleInfo } from './bindings/StyleInfo';
import type { TrashedArticle } from './bindings/TrashedArticle';
import { toIpcError } from './errors';

export type Unlisten = () => void;

/** Files dragged over the window: `over` while hovering, then `drop` or `leave`. */
export type FileDrag = { type: 'over' } | { type: 'leave' } | { type: 'drop'; paths: string[] };

/** A quote with the id of its article, as Rust's `(String, StoredQuote)` crosses the bridge. */
export type QuoteOf = [articleId: string, quote: StoredQuote];

/** A tag with the number of articles carrying it. */
export type TagCount = [tag: string, articles: number];

/** Every call rejects with an IpcError. */
export interface Backend {
  /** Shown in the UI so nobody mistakes the preview's sample data for their archive. */
  readonly isPreview: boolean;
  listArticles(): Promise<ArticleSummary[]>;
  getArticle(id: string): Promise<Article>;
  /** The file an article was imported from; a page comes sanitised, and is sanitised again before it is shown. */
  getOriginal(id: string): Promise<Original>;
  /** One page of hits for the query, with facet counts over all its matches. */
  searchArchive(request: SearchRequest): Promise<SearchResults>;
  listStyles(): Promise<StyleInfo[]>;
  /** Cites articles and quotes (or a collection, or the whole archive) in a style and format. */
  citeSelection(selection: Selection, options: CiteOptions): Promise<Citations>;
  /** The selection as a file's text: BibTeX, BibLaTeX, RIS, CSL-JSON, Markdown or an HTML page. */
  exportSelection(selection: Selection, format: ExportFormat, style: string): Promise<Export>;
  /** Writes the export to the archive's exports folder; resolves with the file's path. */
  saveExport(selection: Selection, format: ExportFormat, style: string, name: string): Promise<string>;
  /** Moves articles to the trash; resolves with their ids, which `restoreArticles` takes (undo). */
  deleteArticles(ids: string[]): Promise<string[]>;
  restoreArticles(ids: string[]): Promise<void>;
  /** The trash, most recently deleted first. */
  listTrash(): Promise<TrashedArticle[]>;
  /** Deletes the trash's articles for good (no undo); resolves with how many. */
  purgeTrash(): Promise<number>;
  editArticle(id: string, patch: MetaPatch): Promise<Article>;
  importPaths(paths: string[]): Promise<ImportReport>;
  /** A file from the file chooser, which gives the page its bytes but never its path. */
  importFile(name: string, bytes: Uint8Array): Promise<ImportReport>;
  importSample(): Promise<ImportReport>;
  getQuote(id: string): Promise<QuoteOf>;
  confirmQuote(id: string): Promise<StoredQuote>;
  editQuote(id: string, patch: QuotePatch): Promise<StoredQuote>;
  addQuote(articleId: string, input: QuoteInput): Promise<StoredQuote>;
  /** Resolves with what was deleted, which `restoreQuote` puts back (undo). */
  deleteQuote(id: string): Promise<QuoteOf>;
  restoreQuote(articleId: string, quote: StoredQuote): Promise<StoredQuote>;
  listPersons(): Promise<PersonSummary[]>;
  /** A person by id or by any name the registry knows them by. */
  getPerson(key: string): Promise<Person>;
  /** Makes `other` part of `keep`: its names become aliases, its quotes move over. Resolves
   *  with the person and what moved, which `unmergePersons` puts back (undo). */
  mergePersons(keep: string, other: string): Promise<Merged>;
  unmergePersons(merge: PersonMerge): Promise<void>;
  addAlias(person: string, alias: string): Promise<Person>;
  /** Resolves with the article's tags after the change. */
  retag(articleId: string, add: string[], remove: string[]): Promise<string[]>;
  listTags(): Promise<TagCount[]>;
  listCollections(): Promise<Collection[]>;
  getCollection(idOrName: string): Promise<Collection>;
  /** Creates a collection, or resolves with the one of that name. */
  createCollection(name: string): Promise<Collection>;
  renameCollection(idOrName: string, name: string): Promise<Collection>;
  /** Resolves with what was deleted, which `restoreCollection` puts back (undo). */
  deleteCollection(idOrName: string): Promise<Collection>;
  restoreCollection(collection: Collection): Promise<Collection>;
  /** Adds articles or quotes to the collection of that name, creating it if new. */
  collect(name: string, items: CollectionItem[]): Promise<Collection>;
  uncollect(idOrName: string, items: CollectionItem[]): Promise<Collection>;
  archiveInfo(): Promise<ArchiveInfo>;
  onImportProgress(handler: (progress: ImportProgress) => void): Promise<Unlisten>;
  /** Rebuilds the search index from the archive; progress comes through `onReindexProgress`. */
  reindex(): Promise<void>;
  onReindexProgress(handler: (progress: ReindexProgress) => void): Promise<Unlisten>;
  onFileDrag(handler: (drag: FileDrag) => void): Promise<Unlisten>;
}

async function call<T>(command: string, args?: InvokeArgs, options?: InvokeOptions): Promise<T> {
  try {
    return await invoke<T>(command, args, options);
  } catch (error) {
    throw toIpcError(error);
  }
}

export const tauriBackend: Backend = {
  isPreview: false,
  listArticles: () => call('list_articles'),
  getArticle: (id) => call('get_article', { id }),
  getOriginal: (id) => call('get_original', { id }),
  searchArchive: (request) => call('search_archive', { request }),
  listStyles: () => call('list_styles'),
  citeSelection: (selection, options) => call('cite_selection', { selection, options }),
  exportSelection: (selection, format, style) => call('export_selection', { selection, format, style }),
  saveExport: (selection, format, style, name) => call('save_export', { selection, format, style, name }),
  deleteArticles: (ids) => call('delete_articles', { ids }),
  restoreArticles: (ids) => call('restore_articles', { ids }),
  listTrash: () => call('list_trash'),
  purgeTrash: () => call('purge_trash'),
  editArticle: (id, patch) => call('edit_article', { id, patch }),
  importPaths: (paths) => call('import_paths', { paths }),
  // The bytes travel as the raw body; a header carries the name, as JSON escaped to ASCII
  // because header values cannot hold other characters (names are often Korean or Chinese).
  importFile: (name, bytes) => call('import_file', bytes, { headers: { 'x-file-name': asciiJson(name) } }),
  importSample: () => call('import_sample'),
  getQuote: (id) => call('get_quote', { id }),
  confirmQuote: (id) => call('confirm_quote', { id }),
  editQuote: (id, patch) => call('edit_quote', { id, patch }),
  addQuote: (articleId, input) => call('add_quote', { articleId, input }),
  deleteQuote: (id) => call('delete_quote', { id }),
  restoreQuote: (articleId, quote) => call('restore_quote', { articleId, quote }),
  listPersons: () => call('list_persons'),
  getPerson: (key) => call('get_person', { key }),
  mergePersons: (keep, other) => call('merge_persons', { keep, other }),
  unmergePersons: (merge) => call('unmerge_persons', { merge }),
  addAlias: (person, alias) => call('add_alias', { person, alias }),
  retag: (id, add, remove) => call('retag_article', { id, add, remove }),
  listTags: () => call('list_tags'),
  listCollections: () => call('list_collections'),
  getCollection: (id) => call('get_collection', { id }),
  createCollection: (name) => call('create_collection', { name }),
  renameCollection: (id, name) => call('rename_collection', { id, name }),
  deleteCollection: (id) => call('delete_collection', { id }),
  restoreCollection: (collection) => call('restore_collection', { collection }),
  collect: (name, items) => call('collect', { name, items }),
  uncollect: (id, items) => call('uncollect', { id, items }),
  archiveInfo: () => call('archive_info'),
  onImportProgress: (handler) =>
    listen<ImportProgress>('import-progress', (event) => handler(event.payload)),
  reindex: () => call('reindex'),
  onReindexProgress: (handler) =>
    listen<ReindexProgress>('reindex-progress', (event) => handler(event.payload)),
  onFileDrag: (handler) =>
    getCurrentWebview().onDragDropEvent((event) => {
      const drag = event.payload;
      if (drag.type === 'drop') handler({ type: 'drop', paths: drag.paths });
      else if (drag.type === 'leave') handler({ type: 'leave' });
      else handler({ type: 'over' });
    }),
};

/** `JSON.stringify` with every non-ASCII UTF-16 unit escaped (`\uXXXX`), which serde_json reads back. */
export function asciiJson(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
