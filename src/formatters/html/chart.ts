/** Bar charts drawn as inline SVG (图表): the index page loads nothing, so no chart library. */
import { escapeHtml } from './escape.js';

export interface BarSegment {
  value: number;
  /** CSS class of the segment's colour (`sev-error`, `bar`). */
  cls: string;
}

export interface Bar {
  label: string;
  segments: BarSegment[];
  /** Shown on hover (the full label, or what it stands for). */
  title?: string;
}

const ROW = 22;
const LABEL_WIDTH = 250;
const BAR_WIDTH = 360;
const LABEL_CHARS = 18;

function shorten(label: string): string {
  return [...label].length > LABEL_CHARS ? [...label].slice(0, LABEL_CHARS - 1).join('') + '…' : label;
}

/** A horizontal bar chart, one bar a row, the segments of a bar stacked; the total is written after it. */
export function barChart(bars: readonly Bar[], title: string): string {
  const max = Math.max(1, ...bars.map((b) => b.segments.reduce((n, s) => n + s.value, 0)));
  const height = bars.length * ROW + 8;
  const width = LABEL_WIDTH + BAR_WIDTH + 60;
  const rows = bars.map((bar, i) => {
    const y = 4 + i * ROW;
    const total = bar.segments.reduce((n, s) => n + s.value, 0);
    let x = LABEL_WIDTH;
    const rects = bar.segments
      .filter((s) => s.value > 0)
      .map((s) => {
        const w = Math.max(1, (s.value / max) * BAR_WIDTH);
        const rect = `<rect class="${escapeHtml(s.cls)}" x="${x.toFixed(1)}" y="${y + 3}" width="${w.toFixed(1)}" height="${ROW - 8}"><title>${s.value}</title></rect>`;
        x += w;
        return rect;
      })
      .join('');
    const label = `<text class="label" x="${LABEL_WIDTH - 8}" y="${y + ROW / 2 + 4}" text-anchor="end"><title>${escapeHtml(bar.title ?? bar.label)}</title>${escapeHtml(shorten(bar.label))}</text>`;
    const value = `<text class="value" x="${(x + 6).toFixed(1)}" y="${y + ROW / 2 + 4}">${total}</text>`;
    return `<g>${label}${rects}${value}</g>`;
  });
  return (
    `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${escapeHtml(title)}</title>${rows.join('')}</svg>`
  );
}

export const CHART_STYLE = `
svg.chart{max-width:100%;height:auto;font-size:12px}
svg.chart text.label{fill:var(--ink)}svg.chart text.value{fill:var(--muted)}
svg.chart rect.bar{fill:#4a78b5}svg.chart rect.sev-error{fill:var(--err)}svg.chart rect.sev-warning{fill:#d08a17}svg.chart rect.sev-info{fill:var(--info)}
.legend span{display:inline-block;margin-right:12px;font-size:12px;color:var(--muted)}
.legend i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px;vertical-align:middle}
a.back{color:#c5d0dc;font-size:13px;display:inline-block;margin-bottom:4px}
`;
