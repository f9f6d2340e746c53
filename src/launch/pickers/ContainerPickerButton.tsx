import * as React from 'react';

import type { ImageSource } from '../../api/types';
import { useWizard } from '../../wizard/context';
import { LaunchClient } from '../../api/launches';
import { dlcTable } from '../types';
import type { ImageScope } from '../types';

export interface IContainerPickerButtonProps {
  section: ImageScope;
  source: ImageSource;
  /** The field's URI (the picker opens on it when it can). */
  value: string;
  /** The label of the URI field ("Container image URI"), to name the button. */
  fieldLabel: string;
  onPick: (uri: string) => void;
}

/**
 * The **Choose…** button next to a container image URI: opens the picker of
 * the chosen source; the picked image's URI replaces the field's value.
 */
export function ContainerPickerButton(
  props: IContainerPickerButtonProps
): JSX.Element {
  const { trans, client, options } = useWizard();
  const { section, source, value, fieldLabel, onPick } = props;
  const launch = React.useMemo(
    () => new LaunchClient(client.serverSettings),
    [client]
  );
  let name: string;
  switch (source) {
    case 'training-job':
      name = trans.__('Choose a training job for %1', fieldLabel);
      break;
    case 'ecr':
      name = trans.__('Choose an ECR image for %1', fieldLabel);
      break;
    default:
      name = trans.__('Choose a Deep Learning Container for %1', fieldLabel);
  }
  const open = async (): Promise<void> => {
    const { pickContainerImage } = await import('./index');
    const picked = await pickContainerImage({
      source,
      scope: section,
      client: launch,
      dlc: dlcTable(options),
      value,
      trans
    });
    if (picked !== null) {
      onPick(picked);
    }
  };
  return (
    <button
      type="button"
      className="sme-WizardButton sme-ContainerPicker"
      aria-label={name}
      title={name}
      onClick={() => void open()}
    >
      {trans.__('Choose…')}
    </button>
  );
}
