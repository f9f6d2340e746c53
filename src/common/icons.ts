import { LabIcon } from '@jupyterlab/ui-components';

import sharedModelsSvg from '../../style/icons/shared-models.svg';

/** The Shared models icon: a model cube; themed through `jp-icon3`. */
export const sharedModelsIcon = new LabIcon({
  name: 'shared-models-ext:shared-models',
  svgstr: sharedModelsSvg
});
