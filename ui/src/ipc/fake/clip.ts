// The fake backend's reader for picked files: plain-text clips only (a title line, then
// paragraphs), refused with the messages the Rust readers give. No quotes are extracted: the
// preview shows the import flow, not the extractor.

import type { SampleContent } from './sample';

export class UnreadableFile extends Error {}

const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f]/;

export function readClip(bytes: Uint8Array): Omit<SampleContent, 'original'> {
  if (bytes.length === 0) throw new UnreadableFile('the file is empty');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC');
  } catch {
    throw new UnreadableFile('the file is not valid UTF-8 text');
  }
  const control = CONTROL.exec(text);
  if (control) throw new UnreadableFile(`the file looks binary, not text (byte ${control.index} is a control byte)`);
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const [title, ...body] = lines;
  if (title === undefined) throw new UnreadableFile('the file is empty');
  if (body.length === 0) throw new UnreadableFile('the file has a title but no body text');
  const paragraphs = [];
  let at = 0;
  for (const p of body) {
    const length = Array.from(p).length;
    paragraphs.push({ start: at, end: at + length });
    at += length + 2;
  }
  return {
    title,
    text: body.join('\n\n'),
    paragraphs,
    pages: [],
    boilerplate: [],
    quotes: [],
    source: { type: 'article-newspaper', title, language: 'en' },
    provenance: { title: 'clip title line', language: 'detected' },
  };
}
