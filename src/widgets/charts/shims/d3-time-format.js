// Stand-in for d3-time-format in the browser bundle (see README.md): no chart has a time axis.
const missing = (name) => () => {
  throw new Error(`${name} (d3-time-format) is not bundled: the site's charts have no time axis`);
};
export const timeFormat = missing('timeFormat');
export const utcFormat = missing('utcFormat');
export const timeParse = missing('timeParse');
export const utcParse = missing('utcParse');
export const isoFormat = missing('isoFormat');
export const isoParse = missing('isoParse');
export const timeFormatLocale = missing('timeFormatLocale');
export const timeFormatDefaultLocale = missing('timeFormatDefaultLocale');
