import type { IDeepLearningContainers } from '../launch/types';

/** A slice of data/deep_learning_containers.json. */
export const DLC: IDeepLearningContainers = {
  frameworks: [
    {
      id: 'pytorch',
      label: 'PyTorch',
      training: {
        repository: 'pytorch-training',
        versions: [
          {
            version: '2.6.0',
            python: ['py312'],
            processors: {
              cpu: { os: 'ubuntu22.04', cuda: null },
              gpu: { os: 'ubuntu22.04', cuda: 'cu126' }
            }
          },
          {
            version: '2.5.1',
            python: ['py311', 'py310'],
            processors: { gpu: { os: 'ubuntu22.04', cuda: 'cu124' } }
          }
        ]
      },
      inference: {
        repository: 'pytorch-inference',
        versions: [
          {
            version: '2.6.0',
            python: ['py312'],
            processors: { cpu: { os: 'ubuntu22.04', cuda: null } }
          }
        ]
      }
    },
    {
      id: 'xgboost',
      label: 'XGBoost',
      training: null,
      inference: {
        repository: 'xgboost-inference',
        versions: [
          {
            version: '1.7-1',
            python: ['py3'],
            processors: { cpu: { os: 'ubuntu20.04', cuda: null } }
          }
        ]
      }
    }
  ],
  registries: { default_account: '763104351884', accounts: {} }
};
