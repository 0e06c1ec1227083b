// Browser-only helpers for saving a figure's data and chart.

export function download(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A standalone copy of a chart: Plot draws with currentColor and the page's fonts, which a
 * saved file does not have, so the computed colour, font and a background are written in.
 */
export function standaloneSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const cs = getComputedStyle(svg);
  const bg = getComputedStyle(document.body).backgroundColor;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.style.color = cs.color;
  clone.style.fontFamily = cs.fontFamily;
  clone.style.background = bg;
  const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  rect.setAttribute('width', '100%');
  rect.setAttribute('height', '100%');
  rect.setAttribute('fill', bg);
  clone.insertBefore(rect, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}

export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const { width, height } = svg.viewBox.baseVal.width ? svg.viewBox.baseVal : svg.getBoundingClientRect();
  return svgTextToPng(standaloneSvg(svg), width, height, scale);
}

/** What an exported chart carries besides the chart: its title, the settings behind it and the credit. */
export interface ChartCaption {
  title: string;
  /** Short lines (the settings), drawn under the chart. */
  lines: string[];
  credit: string;
}

const LINE_H = 16;
const escapeXml = (t: string) => t.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A standalone chart with its caption: the title above, the settings and the credit below,
 * all inside one SVG (so the PNG made from it holds them too). Returns the text and its size.
 */
export function captionedSvg(svg: SVGSVGElement, caption: ChartCaption): { text: string; width: number; height: number } {
  const inner = standaloneSvg(svg);
  const box = svg.viewBox.baseVal.width ? svg.viewBox.baseVal : svg.getBoundingClientRect();
  const width = Math.max(box.width, 420);
  const cs = getComputedStyle(svg);
  const bg = getComputedStyle(document.body).backgroundColor;
  const top = 30;
  const bottom = (caption.lines.length + 1) * LINE_H + 14;
  const height = box.height + top + bottom;
  const text = (t: string, y: number, size: number, weight = 400) =>
    `<text x="8" y="${y}" font-size="${size}" font-weight="${weight}" fill="${cs.color}">${escapeXml(t)}</text>`;
  const lines = [...caption.lines, caption.credit].map((t, i) => text(t, top + box.height + 18 + i * LINE_H, 12));
  // The chart keeps its own width/height/viewBox; a group moves it under the title.
  const body = `<g transform="translate(0 ${top})">${inner}</g>`;
  return {
    width,
    height,
    text: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" style="font-family:${escapeXml(cs.fontFamily)}"><rect width="100%" height="100%" fill="${bg}"/>${text(caption.title, 20, 15, 700)}${body}${lines.join('')}</svg>`,
  };
}

/** Draws SVG text onto a canvas at `scale` and returns the PNG. */
export async function svgTextToPng(text: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
