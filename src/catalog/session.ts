/**
 * What the panel loads once and keeps: who is signed in (`GET /me`) and the
 * vocabularies and rules (`GET /options`), with the labels of their ids. Part of
 * SharedModelsModel (model.ts), which reports each change.
 */
import type { SharedModelsClient } from '../api/catalog';
import type { IEntry, IMe, IOptions } from '../api/types';
import { Vocabulary } from '../common/labels';
import { Loadable, Resource } from '../common/resource';
import { recordServedRules } from '../common/servedRules';

export class CatalogSession {
  constructor(client: SharedModelsClient, changed: () => void) {
    this._me = new Resource<IMe>({ load: () => client.me(), changed });
    this._options = new Resource<IOptions>({
      load: async () => {
        const options = await client.options();
        // For the status polls, which have no catalog at hand.
        recordServedRules(options.rules);
        return options;
      },
      changed
    });
  }

  /** The signed-in catalog user. */
  get me(): Loadable<IMe> {
    return this._me.state;
  }

  /** The vocabularies (for filters and labels). */
  get options(): Loadable<IOptions> {
    return this._options.state;
  }

  /** Labels of vocabulary ids (ids until the vocabularies are loaded). */
  get vocabulary(): Vocabulary {
    const options = this._options.state;
    const value = options.status === 'ready' ? options.value : null;
    if (this._vocabulary.options !== value) {
      this._vocabulary = new Vocabulary(value);
    }
    return this._vocabulary;
  }

  /** Load the signed-in user unless it was already requested. */
  ensureMe(): Promise<void> {
    return this._me.ensure();
  }

  /** (Re)load the signed-in user; never rejects (errors land in `me`). */
  refreshMe(): Promise<void> {
    return this._me.refresh();
  }

  /** Load the vocabularies unless they were loaded (tried again after an error). */
  ensureOptions(): Promise<void> {
    return this._options.ensure();
  }

  /** Whether the signed-in user owns `entry` (and so may change it). */
  isOwner(entry: Pick<IEntry, 'owner'>): boolean {
    const me = this._me.state;
    return me.status === 'ready' && me.value.username === entry.owner;
  }

  /** Drop answers still on their way. */
  cancel(): void {
    this._me.cancel();
    this._options.cancel();
  }

  private _me: Resource<IMe>;
  private _options: Resource<IOptions>;
  private _vocabulary = new Vocabulary(null);
}
