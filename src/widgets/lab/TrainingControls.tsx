import { NumberInput, Segmented, Select, Slider } from '../controls/index.ts';
import { formatNumber, formatSig } from '../kit/format.ts';
import { tr } from '../kit/strings.ts';
import type { SectionProps } from './controlTypes.ts';
import { Section } from './Section.tsx';
import { LAB_SCHEMA } from './settings.ts';

/** Loss, optimiser and its coefficients, the learning rate (log slider), batch size and clipping. */
export function TrainingControls({ state, strings: s, lang }: SectionProps) {
  const v = state.values;
  const num = (d: number) => (x: number) => formatNumber(x, lang, d);
  return (
    <Section id="training" title={tr(s, 'widget.lab.section.training')}>
      <Segmented label={tr(s, 'widget.lab.loss')} value={v.loss} options={LAB_SCHEMA.loss.options.map((o) => ({ value: o, label: tr(s, `widget.lab.loss.${o}`) }))} onChange={(x) => state.set('loss', x)} />
      <Select label={tr(s, 'widget.lab.optimizer')} value={v.optimizer} options={LAB_SCHEMA.optimizer.options.map((o) => ({ value: o, label: tr(s, `widget.lab.opt.${o}`) }))} onChange={(x) => state.set('optimizer', x)} />
      {v.optimizer === 'momentum' && <NumberInput label={tr(s, 'widget.lab.momentum')} spec={LAB_SCHEMA.momentum} value={v.momentum} onChange={(x) => state.set('momentum', x)} strings={s} lang={lang} format={num(3)} />}
      {v.optimizer === 'adam' && (
        <>
          <NumberInput label={tr(s, 'widget.lab.beta1')} spec={LAB_SCHEMA.beta1} value={v.beta1} onChange={(x) => state.set('beta1', x)} strings={s} lang={lang} format={num(3)} />
          <NumberInput label={tr(s, 'widget.lab.beta2')} spec={LAB_SCHEMA.beta2} value={v.beta2} onChange={(x) => state.set('beta2', x)} strings={s} lang={lang} format={num(4)} />
          <NumberInput label={tr(s, 'widget.lab.eps')} spec={LAB_SCHEMA.eps} value={v.eps} onChange={(x) => state.set('eps', x)} strings={s} lang={lang} format={(x) => formatSig(x, lang, 2)} />
        </>
      )}
      <Slider label={tr(s, 'widget.lab.lr')} spec={LAB_SCHEMA.lr} value={v.lr} onChange={(x) => state.set('lr', x)} format={(x) => formatSig(x, lang, 2)} log />
      <NumberInput label={tr(s, 'widget.lab.lrExact')} spec={LAB_SCHEMA.lr} value={v.lr} onChange={(x) => state.set('lr', x)} strings={s} lang={lang} format={(x) => formatSig(x, lang, 3)} />
      <NumberInput label={tr(s, 'widget.lab.batch')} spec={LAB_SCHEMA.batch} value={v.batch} onChange={(x) => state.set('batch', x)} strings={s} lang={lang} format={num(0)} />
      <NumberInput label={tr(s, 'widget.lab.clip')} spec={LAB_SCHEMA.clip} value={v.clip} onChange={(x) => state.set('clip', x)} strings={s} lang={lang} format={num(2)} />
    </Section>
  );
}
