import type { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { MimeModel } from '@jupyterlab/rendermime';
import * as React from 'react';

export interface IMarkdownViewProps {
  /** Markdown written by the entry's owner: untrusted. */
  source: string;
  /** JupyterLab's renderers; without them the text is shown as is. */
  rendermime: IRenderMimeRegistry | null;
  /** Shown when `source` is empty. */
  placeholder: string;
}

/**
 * Markdown through JupyterLab's rendermime, as untrusted content: the
 * registry's sanitizer removes scripts, event handlers and `javascript:`
 * links, exactly as for an untrusted notebook's Markdown.
 */
export function MarkdownView(props: IMarkdownViewProps): JSX.Element {
  const { source, rendermime, placeholder } = props;
  const host = React.useRef<HTMLDivElement>(null);

  React.useEffect(() => {
    const node = host.current;
    if (!rendermime || !node || source.trim() === '') {
      return;
    }
    const renderer = rendermime.createRenderer('text/markdown');
    renderer.addClass('sme-Markdown-rendered');
    const model = new MimeModel({
      data: { 'text/markdown': source },
      trusted: false
    });
    // The renderer's node is placed by hand (not `Widget.attach`): React owns
    // the host and may remove it from the page before this effect is undone.
    node.appendChild(renderer.node);
    renderer.renderModel(model).catch(reason => {
      console.error('Shared models: could not render the description.', reason);
    });
    return () => {
      renderer.node.remove();
      renderer.dispose();
    };
  }, [rendermime, source]);

  if (source.trim() === '') {
    return <p className="sme-Details-empty">{placeholder}</p>;
  }
  if (!rendermime) {
    return <div className="sme-Markdown sme-mod-plain">{source}</div>;
  }
  return <div ref={host} className="sme-Markdown" />;
}
