import type { JupyterFrontEnd } from '@jupyterlab/application';
import { MainAreaWidget } from '@jupyterlab/apputils';
import { nullTranslator } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { SharedModelsClient } from '../api/catalog';
import { sharedModelsIcon } from '../common/icons';
import { openEntryWizard } from '../wizard';
import { json } from './helpers';
import { routedSettings } from './wizard-dom';
import { modelEntry, notebookEntry, OPTIONS } from './wizard-fixtures';

function fakeApp() {
  const main: Widget[] = [];
  const shell = {
    widgets: (area?: string) =>
      (area === 'main' ? main : [])[Symbol.iterator](),
    add: jest.fn((widget: Widget, area: string) => {
      expect(area).toBe('main');
      main.push(widget);
      widget.disposed.connect(() => main.splice(main.indexOf(widget), 1));
      Widget.attach(widget, document.body);
    }),
    activateById: jest.fn()
  };
  return { app: { shell } as unknown as JupyterFrontEnd, shell, main };
}

const client = new SharedModelsClient({
  serverSettings: routedSettings({
    'GET options': () => ({ status: 200, body: json(OPTIONS) })
  }).settings
});

describe('openEntryWizard', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('adds an "Add model" wizard to the main area and activates it', () => {
    const { app, shell } = fakeApp();
    const widget = openEntryWizard({
      app,
      client,
      translator: nullTranslator,
      kind: 'model'
    });
    expect(widget).toBeInstanceOf(MainAreaWidget);
    expect(widget.id).toBe('shared-models-wizard-add-model');
    expect(widget.title.label).toBe('Add model');
    expect(widget.title.icon).toBe(sharedModelsIcon);
    expect(widget.title.closable).toBe(true);
    expect(shell.add).toHaveBeenCalledTimes(1);
    expect(shell.activateById).toHaveBeenCalledWith(widget.id);
    widget.dispose();
  });

  it('activates the wizard already open instead of opening another', () => {
    const { app, shell } = fakeApp();
    const options = {
      app,
      client,
      translator: nullTranslator,
      kind: 'notebook' as const
    };
    const first = openEntryWizard(options);
    expect(first.title.label).toBe('Add notebook');
    const second = openEntryWizard(options);
    expect(second).toBe(first);
    expect(shell.add).toHaveBeenCalledTimes(1);
    expect(shell.activateById).toHaveBeenLastCalledWith(first.id);

    // A closed wizard opens anew.
    first.dispose();
    const third = openEntryWizard(options);
    expect(third).not.toBe(first);
    third.dispose();
  });

  it('opens one edit wizard per entry, titled with the entry', () => {
    const { app, shell } = fakeApp();
    const model = openEntryWizard({
      app,
      client,
      translator: nullTranslator,
      kind: 'notebook', // the entry's own kind wins
      entry: modelEntry()
    });
    const notebook = openEntryWizard({
      app,
      client,
      translator: nullTranslator,
      kind: 'notebook',
      entry: notebookEntry()
    });
    expect(model.id).toBe('shared-models-wizard-edit-churn-xgboost');
    expect(model.title.label).toBe('Edit Churn XGBoost');
    expect(notebook.id).toBe('shared-models-wizard-edit-eda');
    expect(shell.add).toHaveBeenCalledTimes(2);
    model.dispose();
    notebook.dispose();
  });
});
