// Tests the Tauri backend's command names, argument keys and error mapping, with invoke mocked.

import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { asciiJson, tauriBackend } = await import('../../src/ipc/backend');
const { toIpcError } = await import('../../src/ipc/errors');

describe('tauriBackend', () => {
  beforeEach(() => {
    invoke.mockReset();
    invoke.mockResolvedValue('ok');
  });

  it('calls each command by its Rust name with camelCase argument keys', async () => {
    const patch = { title: null, publication: null, author: null, date: '2024', url: null };
    await tauriBackend.listArticles();
    await tauriBackend.getArticle('a1');
    await tauriBackend.getOriginal('a1');
    await tauriBackend.searchArchive({ query: 'burden', sort: 'newest', offset: 50, limit: 50, facets: false });
    await tauriBackend.citeSelection({ ids: ['a1'], collection: null, locators: { a1: 'paragraph:9' } }, { style: 'apa', format: 'html', locator: null });
    await tauriBackend.exportSelection({ ids: [], collection: 'c1', locators: {} }, 'bibtex', 'apa');
    await tauriBackend.saveExport({ ids: [], collection: null, locators: {} }, 'ris', 'apa', 'archive');
    await tauriBackend.deleteArticles(['a1']);
    await tauriBackend.restoreArticles(['a1']);
    await tauriBackend.listStyles();
    await tauriBackend.editArticle('a1', patch);
    await tauriBackend.importPaths(['/x.txt']);
    await tauriBackend.importSample();
    await tauriBackend.archiveInfo();
    await tauriBackend.reindex();
    expect(invoke.mock.calls.map(([command, args]) => [command, args])).toEqual([
      ['list_articles', undefined],
      ['get_article', { id: 'a1' }],
      ['get_original', { id: 'a1' }],
      ['search_archive', { request: { query: 'burden', sort: 'newest', offset: 50, limit: 50, facets: false } }],
      ['cite_selection', { selection: { ids: ['a1'], collection: null, locators: { a1: 'paragraph:9' } }, options: { style: 'apa', format: 'html', locator: null } }],
      ['export_selection', { selection: { ids: [], collection: 'c1', locators: {} }, format: 'bibtex', style: 'apa' }],
      ['save_export', { selection: { ids: [], collection: null, locators: {} }, format: 'ris', style: 'apa', name: 'archive' }],
      ['delete_articles', { ids: ['a1'] }],
      ['restore_articles', { ids: ['a1'] }],
      ['list_styles', undefined],
      ['edit_article', { id: 'a1', patch }],
      ['import_paths', { paths: ['/x.txt'] }],
      ['import_sample', undefined],
      ['archive_info', undefined],
      ['reindex', undefined],
    ]);
  });

  it('calls the review, people, tag and collection commands with their Rust argument names', async () => {
    const quote = { id: 'q1' } as never;
    const input = { start: 1, end: 5, kind: 'direct', speaker: 'Cho Han-bum', descriptor: null, cue: 'said' } as const;
    const patch = { start: null, end: null, kind: null, speaker: 'Cho', descriptor: null, cue: null };
    const items = [{ article_id: 'a1', quote_id: null }];
    const collection = { id: 'c1', name: 'Paper', items };
    await tauriBackend.getQuote('q1');
    await tauriBackend.confirmQuote('q1');
    await tauriBackend.editQuote('q1', patch);
    await tauriBackend.addQuote('a1', input);
    await tauriBackend.deleteQuote('q1');
    await tauriBackend.restoreQuote('a1', quote);
    await tauriBackend.listPersons();
    await tauriBackend.getPerson('Cho Han-bum');
    await tauriBackend.mergePersons('p1', 'p2');
    await tauriBackend.addAlias('p1', '조한범');
    await tauriBackend.retag('a1', ['treaty'], ['old']);
    await tauriBackend.listTags();
    await tauriBackend.listCollections();
    await tauriBackend.getCollection('c1');
    await tauriBackend.createCollection('Paper');
    await tauriBackend.renameCollection('c1', 'Thesis');
    await tauriBackend.deleteCollection('c1');
    await tauriBackend.restoreCollection(collection);
    await tauriBackend.collect('Paper', items);
    await tauriBackend.uncollect('c1', items);
    expect(invoke.mock.calls.map(([command, args]) => [command, args])).toEqual([
      ['get_quote', { id: 'q1' }],
      ['confirm_quote', { id: 'q1' }],
      ['edit_quote', { id: 'q1', patch }],
      ['add_quote', { articleId: 'a1', input }],
      ['delete_quote', { id: 'q1' }],
      ['restore_quote', { articleId: 'a1', quote }],
      ['list_persons', undefined],
      ['get_person', { key: 'Cho Han-bum' }],
      ['merge_persons', { keep: 'p1', other: 'p2' }],
      ['add_alias', { person: 'p1', alias: '조한범' }],
      ['retag_article', { id: 'a1', add: ['treaty'], remove: ['old'] }],
      ['list_tags', undefined],
      ['list_collections', undefined],
      ['get_collection', { id: 'c1' }],
      ['create_collection', { name: 'Paper' }],
      ['rename_collection', { id: 'c1', name: 'Thesis' }],
      ['delete_collection', { id: 'c1' }],
      ['restore_collection', { collection }],
      ['collect', { name: 'Paper', items }],
      ['uncollect', { id: 'c1', items }],
    ]);
  });

  it('sends a picked file as the raw body, its name as ASCII-only JSON in a header', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x41]);
    await tauriBackend.importFile('조한범 interview 😀.txt', bytes);
    const [[command, body, options]] = invoke.mock.calls as [[string, unknown, { headers: Record<string, string> }]];
    expect(command).toBe('import_file');
    expect(body).toBe(bytes);
    const header = options.headers['x-file-name']!;
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(JSON.parse(header)).toBe('조한범 interview 😀.txt');
    expect(asciiJson('a"b\\')).toBe(JSON.stringify('a"b\\'));
  });

  it('rejects with the IpcError the command returned', async () => {
    invoke.mockRejectedValue({ kind: 'not-found', message: 'No such article' });
    await expect(tauriBackend.getArticle('x')).rejects.toEqual({ kind: 'not-found', message: 'No such article' });
  });

  it('turns Tauri’s own string rejections into IpcErrors', async () => {
    invoke.mockRejectedValue('command get_article not found');
    await expect(tauriBackend.getArticle('x')).rejects.toEqual({
      kind: 'internal',
      message: 'command get_article not found',
    });
  });
});

describe('toIpcError', () => {
  it('keeps the message of an Error and of unknown shapes', () => {
    expect(toIpcError(new Error('boom'))).toEqual({ kind: 'internal', message: 'boom' });
    expect(toIpcError(42).message).toBe('Unexpected error: 42');
  });
});
