// Every figure's settings table with its figure id and the chapter (path shared by both
// languages) that shows it, for the share-link fuzz tests (unit and e2e). A figure added
// to the site without an entry here fails the "every figure is listed" check.
import type { Schema } from '../../../src/widgets/kit/params.ts';
import * as AddingProblem from '../../../src/widgets/adding-problem/model.ts';
import * as BackpropStepper from '../../../src/widgets/backprop-stepper/model.ts';
import * as DeadUnits from '../../../src/widgets/dead-units/model.ts';
import * as DerivativeChain from '../../../src/widgets/derivative-chain/model.ts';
import * as ExplodingGradients from '../../../src/widgets/exploding-gradients/model.ts';
import * as ForwardPass from '../../../src/widgets/forward-pass/model.ts';
import * as GdStep from '../../../src/widgets/gd-step/model.ts';
import * as GlorotReproduction from '../../../src/widgets/glorot-reproduction/model.ts';
import * as GradientThroughTime from '../../../src/widgets/gradient-through-time/model.ts';
import * as HeReproduction from '../../../src/widgets/he-reproduction/model.ts';
import * as InitExplorer from '../../../src/widgets/init-explorer/model.ts';
import * as IntroRace from '../../../src/widgets/intro-race/model.ts';
import * as KitGallery from '../../../src/widgets/kit-gallery/model.ts';
import * as Lab from '../../../src/widgets/lab/settings.ts';
import * as NormalizationLab from '../../../src/widgets/normalization-lab/model.ts';
import * as PhaseDiagram from '../../../src/widgets/phase-diagram/model.ts';
import * as ReluVsSigmoid from '../../../src/widgets/relu-vs-sigmoid/model.ts';
import * as ResidualConnections from '../../../src/widgets/residual-connections/model.ts';
import * as SequenceLab from '../../../src/widgets/sequence-lab/model.ts';
import * as SigmoidExplorer from '../../../src/widgets/sigmoid-explorer/model.ts';
import * as VanishingLab from '../../../src/widgets/vanishing-lab/model.ts';

/** A figure's settings table: its model's one export named *_SCHEMA (robust to renames). */
function schemaOf(model: Record<string, unknown>): Schema {
  const found = Object.entries(model).filter(([k]) => k.endsWith('_SCHEMA'));
  if (found.length !== 1) throw new Error(`expected one *_SCHEMA export, found ${found.map(([k]) => k).join(', ') || 'none'}`);
  return found[0][1] as Schema;
}

export interface FigureEntry {
  id: string;
  schema: Schema;
  /** The page that shows it, without the language prefix. */
  path: string;
  /** Whether it trains (has Play/Pause/Step/Reset). */
  trains: boolean;
}

export const FIGURES: FigureEntry[] = [
  { id: 'intro-race', schema: schemaOf(IntroRace), path: '/introduction/', trains: true },
  { id: 'sigmoid-explorer', schema: schemaOf(SigmoidExplorer), path: '/sigmoid/', trains: false },
  { id: 'derivative-chain', schema: schemaOf(DerivativeChain), path: '/sigmoid/', trains: false },
  { id: 'forward-pass', schema: schemaOf(ForwardPass), path: '/forward-propagation/', trains: false },
  { id: 'backprop-stepper', schema: schemaOf(BackpropStepper), path: '/backpropagation/', trains: false },
  { id: 'gd-step', schema: schemaOf(GdStep), path: '/backpropagation/', trains: false },
  { id: 'vanishing-lab', schema: schemaOf(VanishingLab), path: '/vanishing-gradient/', trains: true },
  { id: 'relu-vs-sigmoid', schema: schemaOf(ReluVsSigmoid), path: '/relu/', trains: true },
  { id: 'dead-units', schema: schemaOf(DeadUnits), path: '/leaky-relu/', trains: true },
  { id: 'init-explorer', schema: schemaOf(InitExplorer), path: '/initialization/', trains: false },
  { id: 'he-reproduction', schema: schemaOf(HeReproduction), path: '/initialization/', trains: true },
  { id: 'glorot-reproduction', schema: schemaOf(GlorotReproduction), path: '/initialization/', trains: true },
  { id: 'exploding-gradients', schema: schemaOf(ExplodingGradients), path: '/exploding-gradients/', trains: true },
  { id: 'residual-connections', schema: schemaOf(ResidualConnections), path: '/residual-connections/', trains: true },
  { id: 'normalization-lab', schema: schemaOf(NormalizationLab), path: '/normalization/', trains: true },
  { id: 'gradient-through-time', schema: schemaOf(GradientThroughTime), path: '/recurrent-networks/', trains: false },
  { id: 'adding-problem', schema: schemaOf(AddingProblem), path: '/recurrent-networks/', trains: true },
  { id: 'phase-diagram', schema: schemaOf(PhaseDiagram), path: '/signal-propagation/', trains: false },
  { id: 'kit-gallery', schema: schemaOf(KitGallery), path: '/kit/', trains: false },
  { id: 'lab', schema: schemaOf(Lab), path: '/lab/', trains: true },
  { id: 'sequence-lab', schema: schemaOf(SequenceLab), path: '/recurrent-lab/', trains: true },
];
