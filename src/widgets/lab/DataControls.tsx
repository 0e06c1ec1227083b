import { Segmented, Select, Slider } from '../controls/index.ts';
import { formatNumber, formatPercent } from '../kit/format.ts';
import { tr } from '../kit/strings.ts';
import type { SectionProps } from './controlTypes.ts';
import { CsvImport } from './CsvImport.tsx';
import { Section } from './Section.tsx';
import { LAB_DATASETS, LAB_SCHEMA, type LabPoint } from './settings.ts';

interface Props extends SectionProps {
  points: readonly LabPoint[];
  onPoints(points: LabPoint[]): void;
  pointClass: 0 | 1;
  onPointClass(c: 0 | 1): void;
}

/** The data set, its size, noise and split; for the reader's own data, the class to add and CSV. */
export function DataControls({ state, strings: s, lang, points, onPoints, pointClass, onPointClass }: Props) {
  const v = state.values;
  const custom = v.dataset === 'custom';
  return (
    <Section id="data" title={tr(s, 'widget.lab.section.data')}>
      <Select label={tr(s, 'widget.lab.dataset')} value={v.dataset} options={LAB_DATASETS.map((o) => ({ value: o, label: tr(s, o === 'custom' ? 'widget.lab.data.custom' : `kit.data.${o}`) }))} onChange={(x) => state.set('dataset', x)} />
      {!custom && <Slider label={tr(s, 'widget.lab.points')} spec={LAB_SCHEMA.points} value={v.points} onChange={(x) => state.set('points', x)} format={(x) => formatNumber(x, lang, 0)} />}
      {!custom && <Slider label={tr(s, 'widget.lab.noise')} spec={LAB_SCHEMA.noise} value={v.noise} onChange={(x) => state.set('noise', x)} format={(x) => formatNumber(x, lang, 2)} />}
      <Slider label={tr(s, 'widget.lab.testFraction')} spec={LAB_SCHEMA.testFraction} value={v.testFraction} onChange={(x) => state.set('testFraction', x)} format={(x) => formatPercent(x, lang)} />
      <Segmented label={tr(s, 'widget.lab.pointClass')} value={String(pointClass) as '0' | '1'} options={[{ value: '0', label: tr(s, 'widget.lab.class0') }, { value: '1', label: tr(s, 'widget.lab.class1') }]} onChange={(x) => onPointClass(x === '1' ? 1 : 0)} />
      <p class="ctl-note">{tr(s, custom ? 'widget.lab.customHelp' : 'widget.lab.editHelp', { n: points.length })}</p>
      {custom && points.length > 0 && (
        <div class="ctl">
          <button type="button" class="btn btn--small" onClick={() => onPoints([])}>{tr(s, 'widget.lab.clearPoints')}</button>
        </div>
      )}
      <CsvImport strings={s} lang={lang} points={points} onPoints={(p) => { onPoints(p); if (!custom) state.set('dataset', 'custom'); }} />
    </Section>
  );
}
