import { NumberInput, Select, Slider } from '../controls/index.ts';
import { formatNumber } from '../kit/format.ts';
import { tr } from '../kit/strings.ts';
import type { SectionProps } from './controlTypes.ts';
import { Section } from './Section.tsx';
import { LAB_INITS, LAB_SCHEMA } from './settings.ts';

const SCALE_LABEL = { customNormal: 'widget.lab.initStd', customUniform: 'widget.lab.initLimit', customOrthogonal: 'widget.lab.initGain' } as const;

/** Every initialisation scheme of src/lib, a scale of the reader's own, and the bias init. */
export function InitControls({ state, strings: s, lang }: SectionProps) {
  const v = state.values;
  const custom = v.init in SCALE_LABEL ? SCALE_LABEL[v.init as keyof typeof SCALE_LABEL] : null;
  return (
    <Section id="init" title={tr(s, 'widget.lab.section.init')}>
      <Select label={tr(s, 'widget.lab.init')} value={v.init} options={LAB_INITS.map((o) => ({ value: o, label: tr(s, `widget.lab.init.${o}`) }))} onChange={(x) => state.set('init', x)} />
      {custom && <NumberInput label={tr(s, custom)} spec={LAB_SCHEMA.initScale} value={v.initScale} onChange={(x) => state.set('initScale', x)} strings={s} lang={lang} format={(x) => formatNumber(x, lang, 3)} />}
      <Slider label={tr(s, 'widget.lab.biasInit')} spec={LAB_SCHEMA.biasInit} value={v.biasInit} onChange={(x) => state.set('biasInit', x)} format={(x) => formatNumber(x, lang, 2)} />
    </Section>
  );
}
