import { NumberInput, Segmented } from '../controls/index.ts';
import { formatNumber } from '../kit/format.ts';
import { tr } from '../kit/strings.ts';
import type { SectionProps } from './controlTypes.ts';
import { Section } from './Section.tsx';
import { LAB_SCHEMA } from './settings.ts';

/** Seed, speed, and how far "Skip ahead" jumps. */
export function RunControls({ state, strings: s, lang }: SectionProps) {
  const v = state.values;
  const int = (x: number) => formatNumber(x, lang, 0);
  return (
    <Section id="run" title={tr(s, 'widget.lab.section.run')}>
      <NumberInput label={tr(s, 'widget.lab.seed')} spec={LAB_SCHEMA.seed} value={v.seed} onChange={(x) => state.set('seed', x)} strings={s} lang={lang} format={int} />
      <Segmented label={tr(s, 'widget.lab.speed')} value={v.speed} options={LAB_SCHEMA.speed.options.map((o) => ({ value: o, label: tr(s, `widget.lab.speed.${o}`) }))} onChange={(x) => state.set('speed', x)} />
      <NumberInput label={tr(s, 'widget.lab.skip')} spec={LAB_SCHEMA.skip} value={v.skip} onChange={(x) => state.set('skip', x)} strings={s} lang={lang} format={int} />
    </Section>
  );
}
