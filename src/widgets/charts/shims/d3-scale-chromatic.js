// Stand-in for d3-scale-chromatic in the browser bundle (see README.md). The schemes the
// site's charts use are the real ones; every other scheme throws when a chart asks for it.
// Plot lists every scheme in a table at load time, which is why all of them were bundled.
import { interpolatePuOr, interpolateRdBu, interpolateYlOrRd, interpolateViridis, schemePuOr, schemeRdBu, schemeYlOrRd, schemeObservable10, schemeTableau10, schemeCategory10 } from 'vg-real-d3-scale-chromatic';

/** Plot scheme names (lower case) whose colours are bundled; the unit test checks the charts use no other. */
export const KEPT_SCHEMES = ['puor', 'rdbu', 'burd', 'ylorrd', 'viridis', 'observable10', 'tableau10', 'category10'];

export { interpolatePuOr, interpolateRdBu, interpolateYlOrRd, interpolateViridis, schemePuOr, schemeRdBu, schemeYlOrRd, schemeObservable10, schemeTableau10, schemeCategory10 };

const missing = (name) => () => {
  throw new Error(`${name} (d3-scale-chromatic) is not bundled: add it to src/widgets/charts/shims/d3-scale-chromatic.js`);
};

export const interpolateBlues = missing('interpolateBlues');
export const interpolateBrBG = missing('interpolateBrBG');
export const interpolateBuGn = missing('interpolateBuGn');
export const interpolateBuPu = missing('interpolateBuPu');
export const interpolateGnBu = missing('interpolateGnBu');
export const interpolateGreens = missing('interpolateGreens');
export const interpolateGreys = missing('interpolateGreys');
export const interpolateOranges = missing('interpolateOranges');
export const interpolateOrRd = missing('interpolateOrRd');
export const interpolatePiYG = missing('interpolatePiYG');
export const interpolatePRGn = missing('interpolatePRGn');
export const interpolatePuBu = missing('interpolatePuBu');
export const interpolatePuBuGn = missing('interpolatePuBuGn');
export const interpolatePuRd = missing('interpolatePuRd');
export const interpolatePurples = missing('interpolatePurples');
export const interpolateRdGy = missing('interpolateRdGy');
export const interpolateRdPu = missing('interpolateRdPu');
export const interpolateRdYlBu = missing('interpolateRdYlBu');
export const interpolateRdYlGn = missing('interpolateRdYlGn');
export const interpolateReds = missing('interpolateReds');
export const interpolateSpectral = missing('interpolateSpectral');
export const interpolateYlGn = missing('interpolateYlGn');
export const interpolateYlGnBu = missing('interpolateYlGnBu');
export const interpolateYlOrBr = missing('interpolateYlOrBr');
export const interpolateTurbo = missing('interpolateTurbo');
export const interpolateMagma = missing('interpolateMagma');
export const interpolateInferno = missing('interpolateInferno');
export const interpolatePlasma = missing('interpolatePlasma');
export const interpolateCividis = missing('interpolateCividis');
export const interpolateCubehelixDefault = missing('interpolateCubehelixDefault');
export const interpolateWarm = missing('interpolateWarm');
export const interpolateCool = missing('interpolateCool');
export const interpolateRainbow = missing('interpolateRainbow');
export const interpolateSinebow = missing('interpolateSinebow');
export const schemeAccent = [];
export const schemeBlues = [];
export const schemeBrBG = [];
export const schemeBuGn = [];
export const schemeBuPu = [];
export const schemeDark2 = [];
export const schemeGnBu = [];
export const schemeGreens = [];
export const schemeGreys = [];
export const schemeOranges = [];
export const schemeOrRd = [];
export const schemePaired = [];
export const schemePastel1 = [];
export const schemePastel2 = [];
export const schemePiYG = [];
export const schemePRGn = [];
export const schemePuBu = [];
export const schemePuBuGn = [];
export const schemePuRd = [];
export const schemePurples = [];
export const schemeRdGy = [];
export const schemeRdPu = [];
export const schemeRdYlBu = [];
export const schemeRdYlGn = [];
export const schemeReds = [];
export const schemeSet1 = [];
export const schemeSet2 = [];
export const schemeSet3 = [];
export const schemeSpectral = [];
export const schemeYlGn = [];
export const schemeYlGnBu = [];
export const schemeYlOrBr = [];
