import type { Lang } from '../../i18n/index.ts';
import type { FigureState } from '../kit/hooks.ts';
import type { Strings } from '../kit/strings.ts';
import type { LAB_SCHEMA } from './settings.ts';

/** What every control group gets: the lab's settings state, its strings and language. */
export interface SectionProps {
  state: FigureState<typeof LAB_SCHEMA>;
  strings: Strings;
  lang: Lang;
}
