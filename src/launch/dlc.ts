/**
 * Choosing a Deep Learning Container: framework → version → CPU/GPU → Python,
 * from the `deep_learning_containers` section of `GET /options`. Pure: the
 * picker keeps a choice valid as the user changes one part of it, and turns
 * it into the query of `GET /dlc-image` (which builds the region's URI).
 */
import type {
  IDeepLearningContainers,
  IDlcFamily,
  IDlcFramework,
  IDlcImageQuery,
  IDlcVersion,
  ImageScope,
  Processor
} from './types';

/** One Deep Learning Container, as the picker's selects show it. */
export interface IDlcChoice {
  framework: string;
  version: string;
  processor: Processor;
  python: string;
}

const PROCESSORS: ReadonlyArray<Processor> = ['cpu', 'gpu'];

/** The training (or inference) images of a framework; null when it has none. */
export function familyOf(
  framework: IDlcFramework | undefined,
  scope: ImageScope
): IDlcFamily | null {
  return (
    (scope === 'training' ? framework?.training : framework?.inference) ?? null
  );
}

/** The frameworks with images for `scope`. */
export function frameworksFor(
  dlc: IDeepLearningContainers,
  scope: ImageScope
): IDlcFramework[] {
  return dlc.frameworks.filter(
    framework => (familyOf(framework, scope)?.versions.length ?? 0) > 0
  );
}

/** The releases of the chosen framework, newest first. */
export function versionsOf(
  dlc: IDeepLearningContainers,
  scope: ImageScope,
  framework: string
): IDlcVersion[] {
  const found = dlc.frameworks.find(item => item.id === framework);
  return familyOf(found, scope)?.versions ?? [];
}

/** The processors a release is built for (CPU first). */
export function processorsOf(version: IDlcVersion | undefined): Processor[] {
  return PROCESSORS.filter(processor => version?.processors[processor]);
}

/**
 * A valid choice, as close to `wanted` as the table allows: an unknown
 * framework becomes the first one, an unknown version the newest, a missing
 * processor the first one built (CPU before GPU), an unknown Python the
 * first one of the release. Null when the table has nothing for `scope`.
 */
export function normalizeChoice(
  dlc: IDeepLearningContainers,
  scope: ImageScope,
  wanted: Partial<IDlcChoice> = {}
): IDlcChoice | null {
  const frameworks = frameworksFor(dlc, scope);
  const framework =
    frameworks.find(item => item.id === wanted.framework) ?? frameworks[0];
  if (!framework) {
    return null;
  }
  const versions = familyOf(framework, scope)?.versions ?? [];
  const version =
    versions.find(item => item.version === wanted.version) ?? versions[0];
  const processors = processorsOf(version);
  const processor =
    processors.find(item => item === wanted.processor) ?? processors[0];
  if (!version || !processor) {
    return null;
  }
  const python =
    version.python.find(item => item === wanted.python) ?? version.python[0];
  return {
    framework: framework.id,
    version: version.version,
    processor,
    python: python ?? ''
  };
}

/** The query of `GET /dlc-image` for a choice (the server's region when none). */
export function dlcQuery(
  choice: IDlcChoice,
  scope: ImageScope,
  region?: string
): IDlcImageQuery {
  const query: IDlcImageQuery = {
    framework: choice.framework,
    scope,
    version: choice.version,
    processor: choice.processor,
    python: choice.python
  };
  if (region) {
    query.region = region;
  }
  return query;
}

const DLC_URI =
  /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\/([a-z0-9._/-]+):([^-\s]+)-(cpu|gpu)-(py\d+)(?:-|$)/;

/**
 * The choice a Deep Learning Container URI stands for (so the picker opens
 * on the image the field holds), or null when it is not one of the table's.
 */
export function choiceFromUri(
  dlc: IDeepLearningContainers,
  scope: ImageScope,
  uri: string
): Partial<IDlcChoice> | null {
  const match = DLC_URI.exec(uri.trim());
  if (!match) {
    return null;
  }
  const [, repository, version, processor, python] = match;
  const framework = dlc.frameworks.find(
    item => familyOf(item, scope)?.repository === repository
  );
  if (!framework) {
    return null;
  }
  return {
    framework: framework.id,
    version,
    processor: processor as Processor,
    python
  };
}

/** "py311" → "Python 3.11". */
export function pythonLabel(python: string): string {
  const match = /^py(\d)(\d+)$/.exec(python);
  return match ? `Python ${match[1]}.${match[2]}` : python;
}
