/**
 * The Publish to hub… form: which hub (one of `GET /hubs`, or a new one),
 * and the bodies it gives. No rule lives here: the server checks the hub's
 * name, description and keywords when it creates it.
 */
import { words } from './cleanroomsForm';
import type { ICreateHub } from './types';

export interface IHubFormValue {
  /** The chosen hub's name (when not creating one). */
  hub_name: string;
  /** Create a new hub, then publish to it. */
  create: boolean;
  new_name: string;
  new_description: string;
  new_display_name: string;
  /** Spaces or commas between. */
  new_keywords: string;
}

export const HUB_KEYS = {
  hub_name: 'hub_name',
  create: 'create',
  new_name: 'new_hub.name',
  new_description: 'new_hub.description',
  new_display_name: 'new_hub.display_name',
  new_keywords: 'new_hub.search_keywords'
} as const satisfies Record<keyof IHubFormValue, string>;

/** Where the details of `POST /hubs` land: under `new_hub`. */
export const NEW_HUB_PREFIX = ['new_hub'];

export function hubFieldKeys(): string[] {
  return Object.values(HUB_KEYS);
}

export function hubFormValue(): IHubFormValue {
  return {
    hub_name: '',
    create: false,
    new_name: '',
    new_description: '',
    new_display_name: '',
    new_keywords: ''
  };
}

/** The body of `POST /hubs`, without the optional fields left empty. */
export function createHubBody(value: IHubFormValue): ICreateHub {
  const body: ICreateHub = {
    name: value.new_name.trim(),
    description: value.new_description.trim()
  };
  const displayName = value.new_display_name.trim();
  if (displayName) {
    body.display_name = displayName;
  }
  const keywords = words(value.new_keywords);
  if (keywords.length > 0) {
    body.search_keywords = keywords;
  }
  return body;
}
