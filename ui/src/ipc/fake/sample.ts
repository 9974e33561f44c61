// The article the fake backend's import_sample adds: an abridged clip of the SCMP piece the real
// app bundles, with hand-attributed quotes, so the preview and the tests show real problems
// (nested and multi-paragraph quotes, scare quotes that are not speech, missing metadata); and a
// shortened copy of it from another outlet, as a PDF, for similar-article links and page numbers.

import type { Boilerplate } from '../bindings/Boilerplate';
import type { Quote } from '../bindings/Quote';
import type { QuoteKind } from '../bindings/QuoteKind';
import type { SourceMeta } from '../bindings/SourceMeta';
import type { Span } from '../bindings/Span';

export const SAMPLE_PATH = 'sample/scmp-satellite-switch.txt';

const TITLE =
  'North Korea’s shifting satellite allegiance to Russia signals China’s waning influence';

const PARAGRAPHS = [
  'According to global TV and radio satellite data intelligence website LyngSat, North Korean state-run broadcasters, such as Korean Central Television, started transmitting its overseas broadcast through a Russian satellite, Ekspress 103, from June 20, leaving ChinaSat 12 satellite by July 1.',
  'A South Korean ministry of unification official announced on Monday that North Korea had switched the transmission of its state TV broadcasts from a Chinese to Russian satellite, complicating the monitoring of Pyongyang’s broadcasts.',
  'Kang Jun-young, a professor of Chinese studies at Hankuk University of Foreign Studies in Seoul, said the satellite switch meant science and technology cooperation between North Korea and Russia was intensifying.',
  '“Pyongyang is also sending a message to China that it is inevitable for North Korea to strengthen cooperation with Russia because of Beijing’s lukewarm support of the country.”',
  'Russian President Vladimir Putin visited Pyongyang in June, where he met North Korean leader Kim Jong-un and signed a “treaty on the comprehensive strategic partnership” that calls the other signatory to come to their aid if either is under attack.',
  'Cho Han-bum, a senior research fellow at the Korea Institute for National Unification, said Russia and North Korea’s new treaty on comprehensive strategic partnership was “quite a burden” for China.',
  '“Because, until now, North Korea’s only ally was China and, in fact, only China had been able to intervene in North Korea in times of emergency. However, after this treaty, which is evaluated as a paramilitary alliance treaty … Russia can now intervene,” Cho said.',
  'Ramon Pacheco Pardo, an international relations professor at King’s College London, said North Korea had traditionally played the Soviet Union and China against each other, but after the collapse of the Soviet Union, China had the “upper hand” over Russia in terms of influence over North Korea.',
  '“China doesn’t seem to be comfortable in being portrayed as the leader of an axis also including Russia, North Korea or Iran,” Pacheco Pardo said.',
  'Park Won-gon, a professor of North Korean studies at Ewha Womans University in Seoul, said China was trying to distance itself from the conflict.',
  '“China is trying to distance itself from North Korea and Russia, and so, China has [said it is] resolutely opposed to the so-called new cold-war structure.',
  '“North Korea, on the other hand, disagrees. In such a situation, China’s support is not at the desired level.”',
];

const BOILERPLATE: Boilerplate[] = [
  {
    kind: 'repeated-headline',
    text: 'Putin, Kim sign ‘strongest ever’ defence treaty amid growing tensions with the West',
  },
  {
    kind: 'caption',
    text: 'Chinese President Xi Jinping, right, and North Korean leader Kim Jong-un walk during Xi’s visit to Pyongyang on June 21, 2019. Photo: KCNA via Reuters',
  },
  {
    kind: 'notice',
    text: 'This website uses cookies. By continuing to use this site, you accept our use of cookies.',
  },
];

const KANG = 'a professor of Chinese studies at Hankuk University of Foreign Studies in Seoul';
const CHO = 'a senior research fellow at the Korea Institute for National Unification';
const PACHECO = 'an international relations professor at King’s College London';
const PARK = 'a professor of North Korean studies at Ewha Womans University in Seoul';

interface QuoteSpec {
  kind: QuoteKind;
  speaker: string;
  descriptor: string | null;
  cue: string | null;
  /** The quoted words in each paragraph they occupy, in order. */
  pieces: { paragraph: number; words: string }[];
}

const QUOTES: QuoteSpec[] = [
  {
    kind: 'indirect',
    speaker: 'LyngSat',
    descriptor: 'global TV and radio satellite data intelligence website',
    cue: 'according to',
    pieces: [{ paragraph: 0, words: 'North Korean state-run broadcasters, such as Korean Central Television, started transmitting its overseas broadcast through a Russian satellite, Ekspress 103, from June 20, leaving ChinaSat 12 satellite by July 1' }],
  },
  {
    kind: 'indirect',
    speaker: 'South Korean ministry of unification official',
    descriptor: 'South Korean ministry of unification official',
    cue: 'announced',
    pieces: [{ paragraph: 1, words: 'North Korea had switched the transmission of its state TV broadcasts from a Chinese to Russian satellite, complicating the monitoring of Pyongyang’s broadcasts' }],
  },
  {
    kind: 'indirect',
    speaker: 'Kang Jun-young',
    descriptor: KANG,
    cue: 'said',
    pieces: [{ paragraph: 2, words: 'the satellite switch meant science and technology cooperation between North Korea and Russia was intensifying' }],
  },
  {
    kind: 'direct',
    speaker: 'Kang Jun-young',
    descriptor: KANG,
    cue: null,
    pieces: [{ paragraph: 3, words: 'Pyongyang is also sending a message to China that it is inevitable for North Korea to strengthen cooperation with Russia because of Beijing’s lukewarm support of the country.' }],
  },
  {
    kind: 'indirect',
    speaker: 'Cho Han-bum',
    descriptor: CHO,
    cue: 'said',
    pieces: [{ paragraph: 5, words: 'Russia and North Korea’s new treaty on comprehensive strategic partnership was “quite a burden” for China' }],
  },
  {
    kind: 'partial',
    speaker: 'Cho Han-bum',
    descriptor: CHO,
    cue: 'said',
    pieces: [{ paragraph: 5, words: 'quite a burden' }],
  },
  {
    kind: 'direct',
    speaker: 'Cho Han-bum',
    descriptor: CHO,
    cue: 'said',
    pieces: [{ paragraph: 6, words: 'Because, until now, North Korea’s only ally was China and, in fact, only China had been able to intervene in North Korea in times of emergency. However, after this treaty, which is evaluated as a paramilitary alliance treaty … Russia can now intervene,' }],
  },
  {
    kind: 'partial',
    speaker: 'Ramon Pacheco Pardo',
    descriptor: PACHECO,
    cue: 'said',
    pieces: [{ paragraph: 7, words: 'upper hand' }],
  },
  {
    kind: 'direct',
    speaker: 'Ramon Pacheco Pardo',
    descriptor: PACHECO,
    cue: 'said',
    pieces: [{ paragraph: 8, words: 'China doesn’t seem to be comfortable in being portrayed as the leader of an axis also including Russia, North Korea or Iran,' }],
  },
  {
    kind: 'indirect',
    speaker: 'Park Won-gon',
    descriptor: PARK,
    cue: 'said',
    pieces: [{ paragraph: 9, words: 'China was trying to distance itself from the conflict' }],
  },
  {
    kind: 'direct',
    speaker: 'Park Won-gon',
    descriptor: PARK,
    cue: null,
    pieces: [
      { paragraph: 10, words: 'China is trying to distance itself from North Korea and Russia, and so, China has [said it is] resolutely opposed to the so-called new cold-war structure.' },
      { paragraph: 11, words: 'North Korea, on the other hand, disagrees. In such a situation, China’s support is not at the desired level.' },
    ],
  },
];

export interface SampleContent {
  title: string;
  text: string;
  paragraphs: Span[];
  /** The page each paragraph starts on, for a PDF; else empty. */
  pages: number[];
  boilerplate: Boilerplate[];
  quotes: Quote[];
  source: SourceMeta;
  /** Where each metadata field came from, as the Rust readers record it. */
  provenance: Record<string, string>;
  original: string;
}

/** Char (code point) length, as the Rust side counts offsets. */
const chars = (s: string): number => Array.from(s).length;

/** Lays the paragraphs out as stored text and resolves each quote in them to char offsets. */
function layout(paragraphTexts: readonly string[], specs: readonly QuoteSpec[] = QUOTES): Pick<SampleContent, 'text' | 'paragraphs' | 'quotes'> {
  const separator = '\n\n';
  const paragraphs: Span[] = [];
  let at = 0;
  for (const p of paragraphTexts) {
    paragraphs.push({ start: at, end: at + chars(p) });
    at += chars(p) + chars(separator);
  }
  const text = paragraphTexts.join(separator);
  const inText = specs.filter((spec) => spec.pieces.every((p) => p.paragraph < paragraphTexts.length));
  const quotes = inText.map((spec): Quote => {
    const located = spec.pieces.map(({ paragraph, words }) => {
      const body = paragraphTexts[paragraph] ?? '';
      const unit = body.indexOf(words);
      if (unit < 0) throw new Error(`sample quote not in paragraph ${paragraph}: ${words}`);
      const start = (paragraphs[paragraph]?.start ?? 0) + chars(body.slice(0, unit));
      return { start, end: start + chars(words) };
    });
    const first = spec.pieces[0]!;
    return {
      text: spec.pieces.map((p) => p.words).join(' '),
      kind: spec.kind,
      speaker: spec.speaker,
      descriptor: spec.descriptor,
      cue: spec.cue,
      paragraph: first.paragraph,
      start: located[0]!.start,
      end: located[located.length - 1]!.end,
    };
  });
  return { text, paragraphs, quotes };
}

/** The sample clip: a text file, so no pages; only its title line gives metadata. */
export function sampleContent(): SampleContent {
  const source: SourceMeta = {
    type: 'article-newspaper',
    title: TITLE,
    language: 'en',
  };
  const original = [TITLE, ...PARAGRAPHS, ...BOILERPLATE.map((b) => b.text)].join('\n\n');
  return {
    title: TITLE,
    ...layout(PARAGRAPHS),
    pages: [],
    boilerplate: BOILERPLATE,
    source,
    provenance: { title: 'clip title line', language: 'detected' },
    original,
  };
}

export const COPY_PATH = 'sample/yahoo-satellite-switch.pdf';

const COPY_TITLE = 'North Korea moves state TV to Russian satellite as China’s sway fades';

/** Where the PDF's pages break: paragraph index → the page it starts on. */
const COPY_PAGES = [1, 1, 1, 2, 2, 2, 2, 3, 3];

/** The copy spells 조한범 in Revised Romanization (범 = beom): one person, two spellings. */
const CHO_IN_COPY = 'Cho Han-beom';

/**
 * The same story as another outlet ran it, printed to PDF and cut short: what the archive links
 * to the sample as similar, what shows page numbers in the reader, and a second spelling of a
 * speaker's name for the people view to merge.
 */
export function syndicatedCopy(): SampleContent {
  const respell = (text: string) => text.replaceAll('Cho Han-bum', CHO_IN_COPY);
  const paragraphs = PARAGRAPHS.slice(0, COPY_PAGES.length).map(respell);
  const specs = QUOTES.map((q) => ({ ...q, speaker: respell(q.speaker) }));
  const source: SourceMeta = {
    type: 'article-newspaper',
    title: COPY_TITLE,
    issued: { 'date-parts': [[2024, 7, 10]] },
    language: 'en',
  };
  return {
    title: COPY_TITLE,
    ...layout(paragraphs, specs),
    pages: COPY_PAGES,
    boilerplate: [],
    source,
    provenance: { title: 'pdf info Title', issued: 'pdf info CreationDate', language: 'detected' },
    original: [COPY_TITLE, ...paragraphs].join('\n'),
  };
}
