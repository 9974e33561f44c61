// Tests the Tauri backend's command names, argument keys and error mapping, with invoke mocked.

import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { tauriBackend } = await import('../../src/ipc/backend');
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
    await tauriBackend.searchArchive('burden');
    await tauriBackend.listStyles();
    await tauriBackend.citeArticle('a1', 'apa');
    await tauriBackend.editArticle('a1', patch);
    await tauriBackend.importPaths(['/x.txt']);
    await tauriBackend.importSample();
    await tauriBackend.archiveInfo();
    expect(invoke.mock.calls).toEqual([
      ['list_articles', undefined],
      ['get_article', { id: 'a1' }],
      ['search_archive', { query: 'burden' }],
      ['list_styles', undefined],
      ['cite_article', { id: 'a1', style: 'apa' }],
      ['edit_article', { id: 'a1', patch }],
      ['import_paths', { paths: ['/x.txt'] }],
      ['import_sample', undefined],
      ['archive_info', undefined],
    ]);
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
