import { Dialog } from '@jupyterlab/apputils';
import { nullTranslator } from '@jupyterlab/translation';

import { DestinationsClient } from '../api/destinations';
import { showCleanRoomsDialog } from '../destinations/cleanroomsDialog';
import {
  cleanroomsBody,
  cleanroomsFieldKeys,
  cleanroomsFormValue
} from '../destinations/cleanroomsForm';
import { errorsOf, placeErrors } from '../common/form';
import { TRANSLATION_DOMAIN } from '../tokens';
import {
  apiPath,
  ICanned,
  json,
  makeEntry,
  routedSettings,
  waitFor
} from './helpers';

const trans = nullTranslator.load(TRANSLATION_DOMAIN);

const DLC =
  '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.5-gpu-py311';
const DLC_WARNING = `The training image ${DLC} is an AWS Deep Learning Container: Clean Rooms ML cannot pull it for a collaboration. Push it to an ECR repository of your account.`;
const MEMBERSHIP = '1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b';

const ENTRY = makeEntry({
  id: 'churn-model',
  title: 'Churn model',
  training: {
    image: { source: 'dlc', uri: DLC },
    environment: {},
    script_uri: 's3://b/code.tar.gz',
    entry_point: 'train.py',
    artifacts_uri: null,
    training_data_uri: 's3://b/train/',
    validation_data_uri: null,
    output_path: 's3://b/out/',
    network_isolation: false,
    channels: [{ name: 'train', uri: 's3://b/train/' }],
    hyperparameters: [],
    instance_types: ['ml.m5.xlarge'],
    default_instance_type: 'ml.m5.xlarge',
    metrics: [
      { name: 'loss', regex: 'loss=([0-9.]+)' },
      { name: 'auc', regex: 'auc=([0-9.]+)' }
    ],
    tabular: null
  }
});

describe('the Register with Clean Rooms ML form', () => {
  it('starts from the entry: its ID as name, its title as description', () => {
    expect(cleanroomsBody(cleanroomsFormValue(ENTRY))).toEqual({
      name: 'churn-model',
      description: 'Churn model'
    });
  });

  it('sends what was typed, lists one item per line, the association only when asked', () => {
    const value = {
      ...cleanroomsFormValue(ENTRY),
      role_arn: ' arn:aws:iam::123456789012:role/CleanRooms ',
      entrypoint: 'python3\n\n train.py ',
      arguments: '--epochs\n3',
      kms_key_arn: '',
      membership_id: MEMBERSHIP
    };
    expect(cleanroomsBody(value)).toEqual({
      name: 'churn-model',
      description: 'Churn model',
      role_arn: 'arn:aws:iam::123456789012:role/CleanRooms',
      entrypoint: ['python3', 'train.py'],
      arguments: ['--epochs', '3']
    });
    expect(
      cleanroomsBody({
        ...value,
        associate: true,
        association_name: 'churn-assoc',
        log_accounts: '111122223333, 444455556666',
        log_filter: 'ERROR',
        metrics_noise_level: 'HIGH',
        max_artifact_size_gb: '2.5',
        max_output_size_gb: 'lots'
      }).association
    ).toEqual({
      membership_id: MEMBERSHIP,
      name: 'churn-assoc',
      privacy_configuration: {
        container_logs: {
          allowed_account_ids: ['111122223333', '444455556666'],
          filter_pattern: 'ERROR'
        },
        metrics_noise_level: 'HIGH',
        max_artifact_size_gb: 2.5,
        // Not a number: sent as typed, the server says what it expects.
        max_output_size_gb: 'lots'
      }
    });
  });

  it('moves a detail onto its field, saying which item', () => {
    const place = (loc: Array<string | number>, msg: string) =>
      placeErrors(errorsOf([{ loc, msg }]), new Set(cleanroomsFieldKeys()), {
        describeMoved: true
      });
    expect(
      Object.fromEntries(place(['body', 'entrypoint', 1], 'too long').fields)
    ).toEqual({ entrypoint: 'Item 2: too long' });
    expect([
      ...place(
        [
          'association',
          'privacy_configuration',
          'container_logs',
          'allowed_account_ids',
          0
        ],
        'must be 12 digits'
      ).fields.keys()
    ]).toEqual([
      'association.privacy_configuration.container_logs.allowed_account_ids'
    ]);
    expect(place(['other'], 'x').unplaced).toEqual([
      { path: 'other', msg: 'x' }
    ]);
  });
});

const dialogNode = () => document.querySelector<HTMLElement>('.jp-Dialog');
const footerButton = (label: string) =>
  Array.from(
    document.querySelectorAll<HTMLButtonElement>('.jp-Dialog-footer button')
  ).find(button => button.textContent?.trim() === label)!;
const byLabel = <T extends HTMLElement = HTMLInputElement>(
  label: string
): T => {
  const node = Array.from(document.querySelectorAll('label')).find(
    item => item.textContent === label
  );
  return document.getElementById(node?.getAttribute('for') ?? '') as T;
};
const describedBy = (control: HTMLElement): string =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map(id => document.getElementById(id)?.textContent ?? '')
    .join(' ');

function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const proto =
    input instanceof HTMLTextAreaElement
      ? HTMLTextAreaElement.prototype
      : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
}

function invalid(
  details: Array<{ loc: Array<string | number>; msg: string }>
): ICanned {
  return {
    status: 400,
    body: json({ error: { code: 'invalid', message: 'Invalid', details } })
  };
}

describe('the Register with Clean Rooms ML dialog', () => {
  afterEach(() => {
    Dialog.flush();
    document.body.innerHTML = '';
  });

  it('shows the server’s image warning, its live problems on their fields, sends nothing to register until they are gone', async () => {
    const checks: unknown[] = [];
    const registrations: unknown[] = [];
    let registerAnswer: ICanned = invalid([
      { loc: ['body', 'entrypoint', 0], msg: 'at most 200 characters' }
    ]);
    const { settings } = routedSettings(async (url, request) => {
      expect(apiPath(url)).toBe('entries/churn-model/cleanrooms-algorithms');
      const body = await request.clone().json();
      if (url.searchParams.get('dry_run') === 'true') {
        checks.push(body);
        const membership = body.association?.membership_id;
        if (membership !== undefined && membership !== MEMBERSHIP) {
          return invalid([
            {
              loc: ['body', 'association', 'membership_id'],
              msg: 'a membership ID is 36 characters: a lowercase UUID'
            }
          ]);
        }
        return { status: 200, body: json({ warnings: [DLC_WARNING] }) };
      }
      registrations.push(body);
      return registerAnswer;
    });
    const onRegistered = jest.fn();
    const closed = showCleanRoomsDialog({
      entry: ENTRY,
      client: new DestinationsClient(settings),
      trans,
      checkDelay: 5,
      onRegistered
    });
    await waitFor(() => dialogNode() !== null);
    expect(dialogNode()!.getAttribute('aria-label')).toBe(
      'Register Churn model with Clean Rooms ML'
    );
    await waitFor(() =>
      (
        dialogNode()!.querySelector('.jp-Dialog-header')!.textContent ?? ''
      ).includes('Register with Clean Rooms ML')
    );
    // Before any typing, the server has looked: the DLC warning is readable.
    await waitFor(() =>
      (
        document.querySelector('[aria-label="Warnings"]')?.textContent ?? ''
      ).includes('Deep Learning Container')
    );
    expect(byLabel('Algorithm name').value).toBe('churn-model');
    expect(dialogNode()!.textContent).toContain(DLC);
    expect(dialogNode()!.textContent).toContain('2 from the entry');

    // The association: a bad membership ID, its problem on its field.
    const associate = Array.from(document.querySelectorAll('legend label'))
      .find(
        label => label.textContent === 'Also associate it with a collaboration'
      )!
      .querySelector('input')!;
    associate.click();
    await waitFor(() => byLabel('Membership ID') !== null);
    type(byLabel('Membership ID'), 'NOT-A-UUID');
    const membership = byLabel('Membership ID');
    await waitFor(() => membership.getAttribute('aria-invalid') === 'true');
    expect(describedBy(membership)).toContain(
      'a membership ID is 36 characters'
    );

    // Register while it is wrong: nothing goes to register.
    footerButton('Register').click();
    await waitFor(() => checks.length >= 3);
    await waitFor(() => !footerButton('Register').disabled);
    expect(registrations).toEqual([]);
    expect(dialogNode()).not.toBeNull();

    // Fixed; the server refuses the entrypoint: on its field, item by item.
    type(byLabel('Membership ID'), MEMBERSHIP);
    type(byLabel<HTMLTextAreaElement>('Entrypoint'), 'python3\ntrain.py');
    await waitFor(() => membership.getAttribute('aria-invalid') !== 'true');
    footerButton('Register').click();
    const entrypoint = byLabel<HTMLTextAreaElement>('Entrypoint');
    await waitFor(() => entrypoint.getAttribute('aria-invalid') === 'true');
    expect(describedBy(entrypoint)).toContain('Item 1: at most 200 characters');
    expect(registrations).toHaveLength(1);

    registerAnswer = {
      status: 201,
      body: json({
        name: 'churn-model',
        configured_model_algorithm_arn:
          'arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-model-algorithm/abc',
        association_arn:
          'arn:aws:cleanrooms-ml:us-east-1:123456789012:membership/m/configured-model-algorithm-association/def',
        adopted: false,
        warnings: [DLC_WARNING],
        console_url: 'https://us-east-1.console.aws.amazon.com/cleanrooms/home'
      })
    };
    type(entrypoint, 'python3');
    footerButton('Register').click();
    await closed;
    expect(registrations).toHaveLength(2);
    expect(registrations[1]).toEqual({
      name: 'churn-model',
      description: 'Churn model',
      entrypoint: ['python3'],
      association: { membership_id: MEMBERSHIP, name: 'churn-model' }
    });
    expect(onRegistered).toHaveBeenCalledWith(
      expect.objectContaining({ adopted: false, name: 'churn-model' })
    );
  });
});
