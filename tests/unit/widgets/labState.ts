import type { ActivationName } from '../../../src/lib/index.ts';
import { labLinkValues } from '../../../src/widgets/kit/openInLab.ts';
import type { SessionConfig } from '../../../src/widgets/runner/session.ts';
import type { LabValues } from '../../../src/widgets/lab/settings.ts';

/** A session as the lab's settings, in the shape labHref takes: "Open in the lab"'s mapping (kit/openInLab.ts). */
export function labStateFromConfig(config: SessionConfig): Partial<LabValues> & { acts?: ActivationName[] } {
  const { values, acts } = labLinkValues(config);
  const state = values as Partial<LabValues>;
  return acts ? { ...state, acts } : state;
}
