/**
 * The launch routes' types, for this folder's code: the server's, generated
 * (`src/api/launchTypes.ts`), never written here.
 */
import type { IOptions } from '../api/types';
import type { IDeepLearningContainers } from '../api/launchTypes';

export type {
  ICreateTrainingJobRequest,
  IDeepLearningContainers,
  IDeploymentChoices,
  IDeploymentCreated,
  IDeploymentStatus,
  IDlcBuild,
  IDlcFamily,
  IDlcFramework,
  IDlcImage,
  IDlcImageQuery,
  IDlcVersion,
  IEcrImage,
  IEcrImageList,
  IEcrRepository,
  IEcrRepositoryList,
  IFinalMetric,
  ILaunch,
  ILaunchNames,
  ILaunchPage,
  ILaunchQuery,
  ImageScope,
  IStatusTransition,
  ITrainingChoices,
  ITrainingJobLaunched,
  ITrainingJobList,
  ITrainingJobListQuery,
  ITrainingJobStatus,
  ITrainingJobStopping,
  ITrainingJobSummary,
  LaunchKind,
  Processor
} from '../api/launchTypes';

/** The Deep Learning Container table of `GET /options` (null without options). */
export function dlcTable(
  options: Pick<IOptions, 'deep_learning_containers'> | null
): IDeepLearningContainers | null {
  return options?.deep_learning_containers ?? null;
}
