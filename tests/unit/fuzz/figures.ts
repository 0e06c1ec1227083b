// Every figure's settings table with its figure id and the chapter (path shared by both
// languages) that shows it, for the share-link fuzz tests (unit and e2e). A figure added
// to the site without an entry here fails the "every figure is listed" check.
import type { Schema } from '../../../src/widgets/kit/params.ts';
import { BACKPROP_SCHEMA } from '../../../src/widgets/backprop-stepper/model.ts';
import { DEAD_SCHEMA } from '../../../src/widgets/dead-units/model.ts';
import { CHAIN_SCHEMA } from '../../../src/widgets/derivative-chain/model.ts';
import { FORWARD_SCHEMA } from '../../../src/widgets/forward-pass/model.ts';
import { GD_SCHEMA } from '../../../src/widgets/gd-step/model.ts';
import { GLOROT_SCHEMA } from '../../../src/widgets/glorot-reproduction/model.ts';
import { HE_SCHEMA } from '../../../src/widgets/he-reproduction/model.ts';
import { EXPLORER_SCHEMA as INIT_SCHEMA } from '../../../src/widgets/init-explorer/model.ts';
import { RACE_SCHEMA } from '../../../src/widgets/intro-race/model.ts';
import { GALLERY_SCHEMA } from '../../../src/widgets/kit-gallery/model.ts';
import { PAIR_SCHEMA } from '../../../src/widgets/relu-vs-sigmoid/model.ts';
import { EXPLORER_SCHEMA as SIGMOID_SCHEMA } from '../../../src/widgets/sigmoid-explorer/model.ts';
import { LAB_SCHEMA } from '../../../src/widgets/vanishing-lab/model.ts';

export interface FigureEntry {
  id: string;
  schema: Schema;
  /** The page that shows it, without the language prefix. */
  path: string;
  /** Whether it trains (has Play/Pause/Step/Reset). */
  trains: boolean;
}

export const FIGURES: FigureEntry[] = [
  { id: 'intro-race', schema: RACE_SCHEMA, path: '/introduction/', trains: true },
  { id: 'sigmoid-explorer', schema: SIGMOID_SCHEMA, path: '/sigmoid/', trains: false },
  { id: 'derivative-chain', schema: CHAIN_SCHEMA, path: '/sigmoid/', trains: false },
  { id: 'forward-pass', schema: FORWARD_SCHEMA, path: '/forward-propagation/', trains: false },
  { id: 'backprop-stepper', schema: BACKPROP_SCHEMA, path: '/backpropagation/', trains: false },
  { id: 'gd-step', schema: GD_SCHEMA, path: '/backpropagation/', trains: false },
  { id: 'vanishing-lab', schema: LAB_SCHEMA, path: '/vanishing-gradient/', trains: true },
  { id: 'relu-vs-sigmoid', schema: PAIR_SCHEMA, path: '/relu/', trains: true },
  { id: 'dead-units', schema: DEAD_SCHEMA, path: '/leaky-relu/', trains: true },
  { id: 'init-explorer', schema: INIT_SCHEMA, path: '/initialization/', trains: false },
  { id: 'he-reproduction', schema: HE_SCHEMA, path: '/initialization/', trains: true },
  { id: 'glorot-reproduction', schema: GLOROT_SCHEMA, path: '/initialization/', trains: true },
  { id: 'kit-gallery', schema: GALLERY_SCHEMA, path: '/kit/', trains: false },
];
