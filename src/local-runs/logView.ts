/**
 * A run's live log in the DOM, built for scripts that print fast: text is
 * queued and appended once per animation frame as one text node (never a
 * re-render of the whole log), only the last `maxLines` lines are kept, and
 * the view follows the tail unless the user has scrolled up.
 */
import type { IDisposable } from '@lumino/disposable';

export const DEFAULT_MAX_LOG_LINES = 5000;

/** How close to the bottom (px) still counts as "at the end". */
const AT_END_SLACK = 8;

/** The number of line breaks in `text`. */
export function countLines(text: string): number {
  let count = 0;
  let index = text.indexOf('\n');
  while (index !== -1) {
    count++;
    index = text.indexOf('\n', index + 1);
  }
  return count;
}

/** `text` without its first `lines` lines ('' when it has no more). */
export function dropLines(text: string, lines: number): string {
  let index = -1;
  for (let i = 0; i < lines; i++) {
    index = text.indexOf('\n', index + 1);
    if (index === -1) {
      return '';
    }
  }
  return text.slice(index + 1);
}

/** The end of `text` that holds at most `lines` line breaks (and the open line). */
export function lastLines(text: string, lines: number): string {
  let index = text.length;
  for (let found = 0; found <= lines; found++) {
    if (index <= 0) {
      return text;
    }
    index = text.lastIndexOf('\n', index - 1);
    if (index === -1) {
      return text;
    }
  }
  return text.slice(index + 1);
}

interface IChunk {
  node: Text;
  lines: number;
}

export class LogView implements IDisposable {
  constructor(options: LogView.IOptions) {
    this._maxLines = options.maxLines ?? DEFAULT_MAX_LOG_LINES;
    this._schedule =
      options.schedule ?? (callback => requestAnimationFrame(callback));
    this._onFollowChanged = options.onFollowChanged ?? (() => undefined);
    const node = document.createElement('div');
    node.className = 'sme-RunLog';
    node.setAttribute('role', 'log');
    node.setAttribute('aria-label', options.label);
    // A screen reader must not read 50,000 lines a second aloud.
    node.setAttribute('aria-live', 'off');
    node.tabIndex = 0;
    this._text = document.createElement('pre');
    this._text.className = 'sme-RunLog-text';
    node.appendChild(this._text);
    node.addEventListener('scroll', this._onScroll);
    this.node = node;
  }

  /** The scrolling `role="log"` element. */
  readonly node: HTMLElement;

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** Line breaks shown (at most `maxLines`). */
  get lineCount(): number {
    return this._lines;
  }

  /** Everything shown, as text. */
  get text(): string {
    return this._text.textContent ?? '';
  }

  /** The view keeps the last line in sight. */
  get follow(): boolean {
    return this._follow;
  }

  /** Queue text; it shows on the next animation frame. */
  append(text: string): void {
    if (this._isDisposed || !text) {
      return;
    }
    this._pending.push(text);
    if (this._frame === null) {
      this._frame = this._schedule(() => {
        this._frame = null;
        this.flush();
      });
    }
  }

  /** Show the queued text now. */
  flush(): void {
    if (this._isDisposed || this._pending.length === 0) {
      return;
    }
    const text = lastLines(this._pending.join(''), this._maxLines);
    this._pending = [];
    const node = document.createTextNode(text);
    this._text.appendChild(node);
    this._chunks.push({ node, lines: countLines(text) });
    this._lines += this._chunks[this._chunks.length - 1].lines;
    const before = this.node.scrollHeight;
    this._trim();
    if (this._follow) {
      this.scrollToEnd();
    } else {
      // Keep what the user is reading where it is.
      const removed = before - this.node.scrollHeight;
      if (removed > 0) {
        this.node.scrollTop = Math.max(0, this.node.scrollTop - removed);
      }
    }
  }

  /** Show the last line and follow the tail again. */
  scrollToEnd(): void {
    this.node.scrollTop = this.node.scrollHeight;
    this._setFollow(true);
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this.node.removeEventListener('scroll', this._onScroll);
    this._pending = [];
  }

  /** Drop whole chunks, then lines of the first one, past `maxLines`. */
  private _trim(): void {
    let excess = this._lines - this._maxLines;
    while (excess > 0 && this._chunks.length > 0) {
      const first = this._chunks[0];
      if (first.lines <= excess && this._chunks.length > 1) {
        first.node.remove();
        this._chunks.shift();
        this._lines -= first.lines;
        excess -= first.lines;
      } else {
        const dropped = Math.min(excess, first.lines);
        first.node.data = dropLines(first.node.data, dropped);
        first.lines -= dropped;
        this._lines -= dropped;
        excess -= dropped;
      }
    }
  }

  private _onScroll = (): void => {
    const node = this.node;
    const distance = node.scrollHeight - node.scrollTop - node.clientHeight;
    this._setFollow(distance <= AT_END_SLACK);
  };

  private _setFollow(follow: boolean): void {
    if (follow !== this._follow) {
      this._follow = follow;
      this._onFollowChanged(follow);
    }
  }

  private _chunks: IChunk[] = [];
  private _follow = true;
  private _frame: number | null = null;
  private _isDisposed = false;
  private _lines = 0;
  private _maxLines: number;
  private _onFollowChanged: (follow: boolean) => void;
  private _pending: string[] = [];
  private _schedule: (callback: () => void) => number;
  private _text: HTMLElement;
}

export namespace LogView {
  export interface IOptions {
    /** The accessible name of the log ("Log"). */
    label: string;
    /** Lines kept in the DOM (default 5,000). */
    maxLines?: number;
    /** When to show queued text (default: the next animation frame). */
    schedule?: (callback: () => void) => number;
    /** The user scrolled up (false) or back to the end (true). */
    onFollowChanged?: (follow: boolean) => void;
  }
}
