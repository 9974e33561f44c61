// Element actions shared by components.

/**
 * Esc anywhere inside the element runs `cancel`, and goes no further: the window's own Esc
 * (closing the selected quote) must not fire too.
 */
export function escapes(node: HTMLElement, cancel: () => void) {
  let current = cancel;
  const onkeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    current();
  };
  node.addEventListener('keydown', onkeydown);
  return {
    update(next: () => void) {
      current = next;
    },
    destroy() {
      node.removeEventListener('keydown', onkeydown);
    },
  };
}

/** Focuses the element once, when it appears (the first field of a form that just opened). */
export function autofocus(node: HTMLElement) {
  node.focus();
}

/** Scrolls the element into view once, when it appears (a form opened near the window's edge). */
export function revealed(node: HTMLElement) {
  node.scrollIntoView({ block: 'nearest' });
}
