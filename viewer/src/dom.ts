// The one small DOM helper the controls share.

/** A new element with a class and, optionally, its text. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = "", text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Sets data-testid (the names live in testIds.ts). */
export function testId<T extends HTMLElement>(node: T, id: string): T {
  node.dataset.testid = id;
  return node;
}
