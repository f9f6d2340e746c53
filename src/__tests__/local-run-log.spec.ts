import {
  countLines,
  dropLines,
  lastLines,
  LogView
} from '../local-runs/logView';

/** A LogView whose frames run when the test says. */
function logView(maxLines = 5) {
  const frames: Array<() => void> = [];
  const follows: boolean[] = [];
  const view = new LogView({
    label: 'Log',
    maxLines,
    schedule: callback => frames.push(callback),
    onFollowChanged: follow => follows.push(follow)
  });
  document.body.appendChild(view.node);
  const runFrames = () => frames.splice(0).forEach(frame => frame());
  return { view, frames, follows, runFrames };
}

/** Give the log element a layout (jsdom has none). */
function layout(
  node: HTMLElement,
  size: { scrollHeight: number; clientHeight: number }
) {
  Object.defineProperty(node, 'scrollHeight', {
    configurable: true,
    get: () => size.scrollHeight
  });
  Object.defineProperty(node, 'clientHeight', {
    configurable: true,
    get: () => size.clientHeight
  });
}

describe('line helpers', () => {
  it.each([
    ['', 0],
    ['a', 0],
    ['a\n', 1],
    ['a\nb\nc', 2]
  ])('count the line breaks of %j', (text, count) => {
    expect(countLines(text)).toBe(count);
  });

  it('drop the first lines and keep the last ones', () => {
    expect(dropLines('a\nb\nc\n', 2)).toBe('c\n');
    expect(dropLines('a\nb', 5)).toBe('');
    expect(lastLines('a\nb\nc\n', 2)).toBe('b\nc\n');
    expect(lastLines('a\nb\nc\nopen', 2)).toBe('b\nc\nopen');
    expect(lastLines('a\nb\n', 5)).toBe('a\nb\n');
    expect(lastLines('\na\n', 1)).toBe('a\n');
  });
});

describe('the live log', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('is a named log region, appends once per frame, and only what is new', () => {
    const { view, frames, runFrames } = logView();
    expect(view.node.getAttribute('role')).toBe('log');
    expect(view.node.getAttribute('aria-label')).toBe('Log');
    view.append('one\ntw');
    view.append('o\n');
    expect(frames).toHaveLength(1); // one frame for both pieces
    expect(view.text).toBe('');
    runFrames();
    expect(view.text).toBe('one\ntwo\n');
    const first = view.node.querySelector('pre')!.firstChild;
    view.append('three\n');
    runFrames();
    expect(view.text).toBe('one\ntwo\nthree\n');
    // The text already shown is kept as it is (nothing is rendered again).
    expect(view.node.querySelector('pre')!.firstChild).toBe(first);
    expect(view.lineCount).toBe(3);
  });

  it('keeps at most the last maxLines lines in the DOM', () => {
    const { view, runFrames } = logView(5);
    for (let batch = 0; batch < 4; batch++) {
      view.append(
        Array.from({ length: 3 }, (_, i) => `line ${batch * 3 + i}\n`).join('')
      );
      runFrames();
    }
    expect(view.lineCount).toBe(5);
    expect(view.text).toBe('line 7\nline 8\nline 9\nline 10\nline 11\n');
    // A single huge batch is cut before it reaches the DOM.
    view.append(Array.from({ length: 50000 }, (_, i) => `${i}\n`).join(''));
    runFrames();
    expect(view.text).toBe('49995\n49996\n49997\n49998\n49999\n');
    expect(view.node.querySelector('pre')!.childNodes.length).toBe(1);
  });

  it('follows the tail unless the user scrolled up', () => {
    const { view, follows, runFrames } = logView(100);
    const size = { scrollHeight: 1000, clientHeight: 200 };
    layout(view.node, size);
    view.append('a\n');
    runFrames();
    expect(view.follow).toBe(true);
    expect(view.node.scrollTop).toBe(1000);

    // The user scrolls up: new lines do not move the view.
    view.node.scrollTop = 300;
    view.node.dispatchEvent(new Event('scroll'));
    expect(view.follow).toBe(false);
    size.scrollHeight = 1400;
    view.append('b\n');
    runFrames();
    expect(view.node.scrollTop).toBe(300);

    // Back at the end: it follows again.
    view.node.scrollTop = 1200;
    view.node.dispatchEvent(new Event('scroll'));
    expect(view.follow).toBe(true);
    size.scrollHeight = 1600;
    view.append('c\n');
    runFrames();
    expect(view.node.scrollTop).toBe(1600);
    expect(follows).toEqual([false, true]);
    view.dispose();
  });
});
