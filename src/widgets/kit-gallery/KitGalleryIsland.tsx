import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Lang } from '../../i18n/index.ts';
import { Chart } from '../kit/Chart.tsx';
import { FigureShell } from '../kit/FigureShell.tsx';
import { formatNumber } from '../kit/format.ts';
import { useActive, useFigureState, useTheme } from '../kit/hooks.ts';
import { tr, type Strings } from '../kit/strings.ts';
import { NumberInput, Segmented, Select, Slider, Toggle } from '../controls/index.ts';
import { ACTIVATIONS, type ActivationName } from '../../lib/index.ts';
import { useTrainer } from '../runner/useTrainer.ts';
import { CHART_NAMES, GALLERY_SCHEMA, galleryConfig, type ChartName, type GalleryValues } from './model.ts';
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
  // The training charts' run trains in the figures' worker, like every training figure: the page
  // then carries no training code for the gallery (and on the kit page the worker is loaded anyway).
  const root = useRef<HTMLDivElement>(null);
  const active = useActive(root);
  const config = useMemo(() => galleryConfig(v), [v.act, v.seed]);
  const trainer = useTrainer([config], active);
  const session = trainer.sessions[0];
  // It is 60 steps of a small net, not an animation: it runs to the end at once, reduced motion or not.
  useEffect(() => {
    if (session && !session.state.finished && !trainer.playing) trainer.play();
  }, [trainer.generation, session !== undefined]);
  const run = session?.state.finished ? { layers: session.state.layers, losses: session.losses, records: session.records, grid: session.grid } : null;
  const charts = useMemo(() => galleryCharts(v, s, theme, lang, run), [v, theme, run !== null, trainer.generation]);
  const act = ACTIVATIONS[v.act as ActivationName];
  const xs = Array.from({ length: 13 }, (_, i) => i - 6);
  return (
    <div ref={root}>
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
    </div>
  );
}
