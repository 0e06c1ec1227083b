import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import type { Lang } from '../../i18n/index.ts';
import { Chart } from '../kit/Chart.tsx';
import { FigureShell } from '../kit/FigureShell.tsx';
import { formatNumber } from '../kit/format.ts';
import { useFigureState, useTheme } from '../kit/hooks.ts';
import { tr, type Strings } from '../kit/strings.ts';
import { NumberInput, Segmented, Select, Slider, Toggle } from '../controls/index.ts';
import { ACTIVATIONS, type ActivationName } from '../../lib/index.ts';
import { CHART_NAMES, GALLERY_SCHEMA, type ChartName, type GalleryValues } from './model.ts';
import { galleryCharts, gallerySummary } from './view.ts';

type Props = {
  figureId: string;
  lang: Lang;
  strings: Strings;
  initial: GalleryValues;
} & Partial<Record<`${ChartName}Svg`, ComponentChildren>>;

export default function KitGalleryIsland(props: Props) {
  const { figureId, lang, strings: s, initial } = props;
  const state = useFigureState(GALLERY_SCHEMA, figureId, initial);
  const v = state.values;
  const theme = useTheme();
  const charts = useMemo(() => galleryCharts(v, s, theme, lang), [v, theme]);
  const act = ACTIVATIONS[v.act as ActivationName];
  const xs = Array.from({ length: 13 }, (_, i) => i - 6);
  return (
    <FigureShell
      figureId={figureId}
      lang={lang}
      strings={s}
      summary={gallerySummary(v, s, lang)}
      state={state}
      data={{ columns: ['x', 'f(x)', "f'(x)"], rows: xs.map((x) => [x, act.f(x), act.df(x)]) }}
    >
      <div class="fig-controls">
        <Select label={tr(s, 'widget.kitGallery.activationControl')} value={v.act} options={GALLERY_SCHEMA.act.options.map((o) => ({ value: o, label: tr(s, `kit.act.${o}`) }))} onChange={(x) => state.set('act', x)} />
        <Slider label="x" spec={GALLERY_SCHEMA.x} value={v.x} onChange={(x) => state.set('x', x)} format={(x) => formatNumber(x, lang, 1)} />
        <Toggle label={tr(s, 'widget.kitGallery.showDerivative')} checked={v.derivative} onChange={(x) => state.set('derivative', x)} />
        <Segmented label={tr(s, 'widget.kitGallery.colourBy')} value={v.colourBy} options={GALLERY_SCHEMA.colourBy.options.map((o) => ({ value: o, label: tr(s, `widget.kitGallery.colourBy.${o}`) }))} onChange={(x) => state.set('colourBy', x)} />
        <NumberInput label={tr(s, 'widget.kitGallery.seed')} spec={GALLERY_SCHEMA.seed} value={v.seed} onChange={(x) => state.set('seed', x)} strings={s} lang={lang} format={(x) => formatNumber(x, lang, 0)} />
      </div>
      <div class="fig-grid fig-grid--pair">
        {CHART_NAMES.map((name) => (
          <Chart key={name} options={charts[name]} fallback={props[`${name}Svg`]} primary={name === 'fn'} />
        ))}
      </div>
    </FigureShell>
  );
}
