// Keeps names readable: drops a label whose box would overlap one already placed. Labels come
// in priority order (counties before townships before villages), so the larger unit wins.

export interface LabelBox {
  x: number;
  y: number;
  text: string;
  fontSize: number;
}

/** A label's box in pixels, centred on its point: CJK characters are about one em wide. */
export function labelExtent(label: LabelBox): { left: number; right: number; top: number; bottom: number } {
  const halfWidth = (label.text.length * label.fontSize) / 2 + 2;
  const halfHeight = label.fontSize * 0.7;
  return { left: label.x - halfWidth, right: label.x + halfWidth, top: label.y - halfHeight, bottom: label.y + halfHeight };
}

/** The indexes of the labels to show, in the given (priority) order, none overlapping. */
export function placeLabels(labels: LabelBox[]): number[] {
  const placed: ReturnType<typeof labelExtent>[] = [];
  const kept: number[] = [];
  labels.forEach((label, i) => {
    const box = labelExtent(label);
    const clash = placed.some((p) => box.left < p.right && box.right > p.left && box.top < p.bottom && box.bottom > p.top);
    if (clash) return;
    placed.push(box);
    kept.push(i);
  });
  return kept;
}
