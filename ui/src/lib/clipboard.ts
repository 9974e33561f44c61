// Rich text on the clipboard: what the cite panel and the export view copy.

/** Puts rich text on the clipboard: text/html with a text/plain alternative. */
export type RichWriter = (html: string, text: string) => Promise<void>;

export const clipboardRich: RichWriter = async (html, text) => {
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        }),
      ]);
      return;
    } catch {
      // Some webviews refuse rich items; plain text still helps.
    }
  }
  await navigator.clipboard.writeText(text);
};
