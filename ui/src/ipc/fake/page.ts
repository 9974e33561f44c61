// The fake backend's reader for picked web pages, and the originals it hands back. It has no
// ammonia: a page's original reaches the UI as it came, so the end-to-end test of a hostile page
// exercises the UI's own sanitiser, the defence in depth behind the backend's.

import type { OriginalContent } from '../bindings/OriginalContent';
import { readClip } from './clip';
import type { SampleContent } from './sample';

/** An imported file as the fake keeps it. */
export interface FakeFile {
  name: string | null;
  bytes: Uint8Array;
}

export const isPage = (name: string | null) => name !== null && /\.x?html?$/i.test(name);

/** A page's headline and paragraphs, read from an inert DOMParser document (no script runs, nothing loads). */
export function readPage(bytes: Uint8Array): Omit<SampleContent, 'original'> {
  const doc = new DOMParser().parseFromString(new TextDecoder().decode(bytes), 'text/html');
  const title = doc.querySelector('h1')?.textContent?.trim() || doc.title.trim();
  const paragraphs = Array.from(doc.querySelectorAll('article p, main p'), (p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim());
  return readClip(new TextEncoder().encode([title, ...paragraphs.filter((p) => p !== '')].join('\n\n')));
}

export function mediaTypeOf(file: FakeFile): string {
  return isPage(file.name) ? 'text/html' : 'text/plain';
}

export function originalContent(file: FakeFile): OriginalContent {
  const text = new TextDecoder().decode(file.bytes);
  return isPage(file.name) ? { kind: 'html', html: text } : { kind: 'text', text };
}
