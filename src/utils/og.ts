// Social preview images (1200 × 630 PNG), drawn as SVG and rasterised at build time with sharp
// (already installed as Astro's image service, prebuilt, no network needed).
import sharp from 'sharp';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Greedy word wrap to at most `lines` lines of about `width` characters. */
function wrap(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if ((line + ' ' + word).trim().length > width && line) {
      out.push(line);
      line = word;
    } else line = (line + ' ' + word).trim();
  }
  if (line) out.push(line);
  if (out.length > lines) {
    out.length = lines;
    out[lines - 1] = out[lines - 1].replace(/\s*\S*$/, '') + ' …';
  }
  return out;
}

export function ogSvg(title: string, subtitle: string, site: string): string {
  const titleLines = wrap(title, 26, 3);
  // Room below the title shrinks as it grows; the site name keeps the last line.
  const subLines = wrap(subtitle, 58, 4 - titleLines.length);
  const t = titleLines.map((l, i) => `<text x="80" y="${250 + i * 82}" font-size="68" font-weight="700" fill="#1c1d21">${escape(l)}</text>`).join('');
  const top = 250 + (titleLines.length - 1) * 82 + 70;
  const s = subLines.map((l, i) => `<text x="80" y="${top + i * 44}" font-size="32" fill="#4f5360">${escape(l)}</text>`).join('');
  // The bars are the site's mark: a gradient that shrinks layer after layer.
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
  <rect width="1200" height="630" fill="#fbfaf7"/>
  <rect x="0" y="0" width="1200" height="14" fill="#1f5fa8"/>
  <g stroke="#1f5fa8" stroke-width="18" stroke-linecap="round">
    <path d="M80 86 H380"/><path d="M110 120 H350" stroke-opacity="0.75"/><path d="M150 154 H310" stroke-opacity="0.5"/>
  </g>
  <g font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif">${t}${s}
    <text x="80" y="590" font-size="28" fill="#1f5fa8" font-weight="600">${escape(site)}</text>
  </g>
</svg>`;
}

export async function ogPng(title: string, subtitle: string, site: string): Promise<ArrayBuffer> {
  const png = await sharp(Buffer.from(ogSvg(title, subtitle, site))).png({ compressionLevel: 9, palette: true }).toBuffer();
  // A Response body wants an ArrayBuffer of exactly the image, not Node's pooled Buffer.
  return png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer;
}
