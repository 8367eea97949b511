/**
 * Shared editor helpers: turn an editor's DOM into plain text plus a map from text offsets back to
 * DOM positions, so a finding's [start, end) becomes a Range to draw. Read-only: nothing here
 * writes to the editor, because Draft.js and Lexical both rebuild their model from the DOM and
 * any foreign node would end up in the user's post.
 */

export interface EditorText {
  readonly text: string;
  /** A Range over text[start, end), or null when the span has no text node (e.g. a textarea). */
  rangeFor(start: number, end: number): Range | null;
  /** The text offset of a DOM position (a selection's focus), or null when it is not in the text. */
  offsetAt(node: Node, offset: number): number | null;
}

/** Raised when an editor no longer looks the way its adapter expects: a broken adapter, not "no text". */
export class AdapterError extends Error {
  constructor(adapter: string, what: string) {
    super(`${adapter}: ${what}`);
    this.name = 'AdapterError';
  }
}

interface Segment {
  node: Text;
  start: number;
  end: number;
}

/**
 * Reads blocks (one per line or paragraph) joined by '\n'. `leaves` yields the block's Text nodes
 * and <br> elements in order; a <br> that ends its block is the editors' empty-line placeholder
 * (Draft's `<br data-text>`, Lexical's `<p><br></p>`) and adds nothing.
 */
export function readBlocks(blocks: Iterable<Element>, leaves: (block: Element) => Iterable<Node>): EditorText {
  const segments: Segment[] = [];
  let text = '';
  let first = true;
  for (const block of blocks) {
    if (!first) text += '\n';
    first = false;
    const nodes = [...leaves(block)];
    nodes.forEach((node, i) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const value = (node as Text).data;
        if (value.length === 0) return;
        segments.push({ node: node as Text, start: text.length, end: text.length + value.length });
        text += value;
      } else if (node.nodeName === 'BR' && i < nodes.length - 1) {
        text += '\n';
      }
    });
  }
  return mapped(text, segments);
}

function mapped(text: string, segments: readonly Segment[]): EditorText {
  return {
    text,
    rangeFor(start, end) {
      if (end <= start || segments.length === 0) return null;
      // Start in the first segment that has text at or after `start`; end in the last one that has text before `end`.
      const from = segments.find((s) => s.end > start);
      const to = [...segments].reverse().find((s) => s.start < end);
      if (from === undefined || to === undefined || from.start >= end || to.end <= start) return null;
      const range = new Range();
      range.setStart(from.node, Math.max(0, start - from.start));
      range.setEnd(to.node, Math.min(to.end, end) - to.start);
      return range;
    },
    offsetAt(node, offset) {
      for (const s of segments) {
        if (s.node === node) return s.start + offset;
      }
      for (const s of segments) {
        // A caret between elements: the first text node after the position.
        if (node.contains(s.node)) {
          const child = node.childNodes[offset];
          if (child === undefined || child.contains(s.node) || child.compareDocumentPosition(s.node) & Node.DOCUMENT_POSITION_FOLLOWING) {
            return s.start;
          }
        }
      }
      return null;
    },
  };
}

/** Text nodes and <br>s under `root` in document order, optionally only those inside `leafSelector`. */
export function textLeaves(root: Element, leafSelector?: string): Node[] {
  const out: Node[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) {
      const parent = n.parentElement;
      if (leafSelector === undefined || (parent !== null && parent.closest(leafSelector) !== null)) out.push(n);
    } else if (n.nodeName === 'BR') {
      out.push(n);
    }
  }
  return out;
}

const BLOCK_TAGS = new Set(['DIV', 'P', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE']);

/** Generic contenteditable: innermost block elements are lines; without any, the root is one line. */
export function readContentEditable(root: HTMLElement): EditorText {
  const blocks = [...root.querySelectorAll('*')].filter(
    (el) => BLOCK_TAGS.has(el.tagName) && ![...el.querySelectorAll('*')].some((d) => BLOCK_TAGS.has(d.tagName)),
  );
  return readBlocks(blocks.length > 0 ? blocks : [root], (b) => textLeaves(b));
}

/** A textarea's value has no DOM ranges: the badge and the gate work, marks cannot be drawn. */
export function readTextarea(area: HTMLTextAreaElement): EditorText {
  return { text: area.value, rangeFor: () => null, offsetAt: () => null };
}
