import { ACTIVATION_NAMES } from '../../lib/index.ts';
import { Select, Slider, Toggle } from '../controls/index.ts';
import { formatNumber } from '../kit/format.ts';
import { tr } from '../kit/strings.ts';
import type { SectionProps } from './controlTypes.ts';
import { Section } from './Section.tsx';
import { LAB_SCHEMA } from './settings.ts';

/** Depth, width, the activation (with α where it has one), residual connections and normalisation. */
export function ArchitectureControls({ state, strings: s, lang }: SectionProps) {
  const v = state.values;
  const int = (x: number) => formatNumber(x, lang, 0);
  const two = (x: number) => formatNumber(x, lang, 2);
  return (
    <Section id="architecture" title={tr(s, 'widget.lab.section.architecture')}>
      <Slider label={tr(s, 'widget.lab.depth')} spec={LAB_SCHEMA.depth} value={v.depth} onChange={(x) => state.set('depth', x)} format={int} />
      <Slider label={tr(s, 'widget.lab.width')} spec={LAB_SCHEMA.width} value={v.width} onChange={(x) => state.set('width', x)} format={int} />
      <Select label={tr(s, 'widget.lab.activation')} value={v.activation} options={ACTIVATION_NAMES.map((a) => ({ value: a, label: tr(s, `widget.lab.act.${a}`) }))} onChange={(x) => state.set('activation', x)} />
      {v.activation === 'leakyRelu' && <Slider label={tr(s, 'widget.lab.leakyAlpha')} spec={LAB_SCHEMA.leakyAlpha} value={v.leakyAlpha} onChange={(x) => state.set('leakyAlpha', x)} format={two} />}
      {v.activation === 'elu' && <Slider label={tr(s, 'widget.lab.eluAlpha')} spec={LAB_SCHEMA.eluAlpha} value={v.eluAlpha} onChange={(x) => state.set('eluAlpha', x)} format={two} />}
      <p class="ctl-note">{tr(s, 'widget.lab.perLayerNote')}</p>
      <Toggle label={tr(s, 'widget.lab.residual')} checked={v.residual} onChange={(x) => state.set('residual', x)} />
      {v.residual && <Slider label={tr(s, 'widget.lab.residualScale')} spec={LAB_SCHEMA.residualScale} value={v.residualScale} onChange={(x) => state.set('residualScale', x)} format={two} />}
      <Select label={tr(s, 'widget.lab.norm')} value={v.norm} options={LAB_SCHEMA.norm.options.map((o) => ({ value: o, label: tr(s, `widget.lab.norm.${o}`) }))} onChange={(x) => state.set('norm', x)} />
    </Section>
  );
}
