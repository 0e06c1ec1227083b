import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Chart } from '../kit/Chart.tsx';
import { FigureShell, type IslandProps } from '../kit/FigureShell.tsx';
import { formatNumber } from '../kit/format.ts';
import { useChartWidth, useFigureState, useTheme } from '../kit/hooks.ts';
import { tr } from '../kit/strings.ts';
import { Slider, Stepper } from '../controls/index.ts';
import { advance, GD_SCHEMA, start, W0, type GdValues } from './model.ts';
import { gdCharts, gdSummary, gdTable } from './view.ts';

interface Props extends IslandProps<GdValues> {
  bowlSvg?: ComponentChildren;
  historySvg?: ComponentChildren;
}

export default function GdStepIsland({ figureId, lang, strings: s, initial, bowlSvg, historySvg }: Props) {
  const state = useFigureState(GD_SCHEMA, figureId, initial);
  const lr = state.values.lr;
  const theme = useTheme();
  const [traj, setTraj] = useState(start);
  // One run per learning rate: the chapter asks the reader to raise η and watch what each
  // value does from the same start, so a new η starts w again (and the note says so).
  useEffect(() => setTraj(start()), [lr]);
  const box = useRef<HTMLDivElement>(null);
  const width = useChartWidth(box, 640, 280, 760, 40);
  const charts = useMemo(() => gdCharts(traj, s, theme, lang, width), [traj, theme, width]);
  const reset = () => setTraj(start());
  const d = traj.diverged;
  const fmtInt = (x: number) => formatNumber(x, lang, 0);

  return (
    <FigureShell
      figureId={figureId}
      lang={lang}
      strings={s}
      summary={gdSummary(traj, lr, s, lang)}
      state={state}
      alert={d ? { message: tr(s, `kit.diverged.${d.reason}`, { step: fmtInt(d.step) }), action: { label: tr(s, 'kit.reset'), run: reset } } : null}
      data={gdTable(traj, s)}
    >
      <div class="fig-controls">
        <Slider label={tr(s, 'widget.gdStep.lr')} spec={GD_SCHEMA.lr} value={lr} onChange={(x) => state.set('lr', x)} format={(x) => formatNumber(x, lang, 2)} />
        <Stepper
          label={tr(s, 'widget.gdStep.order')}
          moves={[
            { label: tr(s, 'widget.gdStep.one'), onPress: () => setTraj((t) => advance(t, lr, 1)), disabled: !!d, primary: true },
            { label: tr(s, 'widget.gdStep.ten'), onPress: () => setTraj((t) => advance(t, lr, 10)), disabled: !!d },
          ]}
          resetLabel={tr(s, 'kit.reset')}
          onReset={reset}
          counter={tr(s, 'widget.gdStep.count', { n: fmtInt(traj.ws.length - 1) })}
        />
        <p class="ctl-note">{tr(s, 'widget.gdStep.restarted', { w0: `w = ${formatNumber(W0, lang, 0)}` })}</p>
      </div>
      <div class="fig-grid" ref={box}>
        <Chart options={charts.bowl} fallback={bowlSvg} primary />
        <Chart options={charts.history} fallback={historySvg} />
      </div>
    </FigureShell>
  );
}
