import { useState } from 'preact/hooks';
import { ACTIVATION_NAMES, type ActivationName } from '../../lib/index.ts';
import { Select, Slider, Toggle } from '../controls/index.ts';
import { formatNumber } from '../kit/format.ts';
import { tr } from '../kit/strings.ts';
import type { SectionProps } from './controlTypes.ts';
import { Section } from './Section.tsx';
import { LAB_SCHEMA } from './settings.ts';
import type { LayerActs } from './useLayerActs.ts';

/**
 * Depth, width, the activation of every hidden layer, one for all or one per layer (with α
 * where one applies), residual connections and normalisation. Per layer, each hidden layer has
 * its own labelled select in a list that scrolls inside the group, so depth 50 stays usable.
 */
export function ArchitectureControls({ state, strings: s, lang, layerActs }: SectionProps & { layerActs: LayerActs }) {
  const v = state.values;
  const int = (x: number) => formatNumber(x, lang, 0);
  const two = (x: number) => formatNumber(x, lang, 2);
  const options = ACTIVATION_NAMES.map((a) => ({ value: a, label: tr(s, `widget.lab.act.${a}`) }));
  const used = v.actMode === 'perLayer' ? layerActs.acts : [v.activation];
  const leaky = used.includes('leakyRelu');
  const elu = used.includes('elu');
  // The range editor: deep networks get their layers set in blocks, not one select at a time.
  const [range, setRange] = useState<{ from: number; to: number; act: ActivationName }>({ from: 1, to: 1, act: 'relu' });
  const layerOptions = layerActs.acts.map((_, i) => ({ value: String(i + 1), label: String(i + 1) }));
  const from = Math.min(range.from, v.depth);
  const to = Math.min(Math.max(range.to, from), v.depth);
  return (
    <Section id="architecture" title={tr(s, 'widget.lab.section.architecture')}>
      <Slider label={tr(s, 'widget.lab.depth')} spec={LAB_SCHEMA.depth} value={v.depth} onChange={(x) => state.set('depth', x)} format={int} />
      <Slider label={tr(s, 'widget.lab.width')} spec={LAB_SCHEMA.width} value={v.width} onChange={(x) => state.set('width', x)} format={int} />
      <Select label={tr(s, 'widget.lab.actMode')} value={v.actMode} options={LAB_SCHEMA.actMode.options.map((o) => ({ value: o, label: tr(s, `widget.lab.actMode.${o}`) }))} onChange={(x) => state.set('actMode', x)} />
      {v.actMode === 'same' ? (
        <Select label={tr(s, 'widget.lab.activation')} value={v.activation} options={options} onChange={(x) => state.set('activation', x)} />
      ) : (
        <>
        <div class="lab-acts-range" role="group" aria-label={tr(s, 'widget.lab.actsRange')}>
          <Select label={tr(s, 'widget.lab.actsFrom')} value={String(from)} options={layerOptions} onChange={(x) => setRange({ ...range, from: Number(x) })} />
          <Select label={tr(s, 'widget.lab.actsTo')} value={String(to)} options={layerOptions} onChange={(x) => setRange({ ...range, to: Number(x) })} />
          <Select label={tr(s, 'widget.lab.actsAct')} value={range.act} options={options} onChange={(x) => setRange({ ...range, act: x })} />
          <button type="button" class="btn btn--small" onClick={() => layerActs.set(from - 1, range.act, to - 1)}>{tr(s, 'widget.lab.actsApply', { from, to })}</button>
        </div>
        <div class="lab-acts" role="group" aria-label={tr(s, 'widget.lab.actsGroup')}>
          {layerActs.acts.map((a, i) => (
            <Select key={i} label={tr(s, 'widget.lab.actLayer', { i: i + 1 })} value={a} options={options} onChange={(x) => layerActs.set(i, x)} />
          ))}
        </div>
        </>
      )}
      {leaky && <Slider label={tr(s, 'widget.lab.leakyAlpha')} spec={LAB_SCHEMA.leakyAlpha} value={v.leakyAlpha} onChange={(x) => state.set('leakyAlpha', x)} format={two} />}
      {elu && !leaky && <Slider label={tr(s, 'widget.lab.eluAlpha')} spec={LAB_SCHEMA.eluAlpha} value={v.eluAlpha} onChange={(x) => state.set('eluAlpha', x)} format={two} />}
      {elu && leaky && <p class="ctl-note">{tr(s, 'widget.lab.alphaShared')}</p>}
      <Toggle label={tr(s, 'widget.lab.residual')} checked={v.residual} onChange={(x) => state.set('residual', x)} />
      {v.residual && <Slider label={tr(s, 'widget.lab.residualScale')} spec={LAB_SCHEMA.residualScale} value={v.residualScale} onChange={(x) => state.set('residualScale', x)} format={two} />}
      <Select label={tr(s, 'widget.lab.norm')} value={v.norm} options={LAB_SCHEMA.norm.options.map((o) => ({ value: o, label: tr(s, `widget.lab.norm.${o}`) }))} onChange={(x) => state.set('norm', x)} />
    </Section>
  );
}
