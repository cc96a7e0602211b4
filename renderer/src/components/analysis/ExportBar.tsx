import { type ChartOption, drawChart } from '../../lib/analysis-charts.js';
import { useAnalysis } from '../../stores/analysis.js';

/** Saves the view's table (CSV, XLSX, built by the core) and its chart (PNG, SVG, drawn here). */
export function ExportBar({
  chart,
  size = [1200, 720],
}: {
  /** The chart to save, built on demand; null when the view has none to draw. */
  chart: () => ChartOption | null;
  size?: [number, number];
}) {
  const saveChart = (kind: 'png' | 'svg') => {
    const option = chart();
    if (option) void useAnalysis.getState().saveChart(kind, drawChart(option, kind, size[0], size[1]));
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a toolbar of buttons, not a form group
    <div className="analysis-export" role="group" aria-label="Export">
      <button
        type="button"
        className="button small"
        data-export="csv"
        onClick={() => void useAnalysis.getState().exportTable('csv')}
      >
        CSV
      </button>
      <button
        type="button"
        className="button small"
        data-export="xlsx"
        onClick={() => void useAnalysis.getState().exportTable('xlsx')}
      >
        XLSX
      </button>
      <button type="button" className="button small" data-export="png" onClick={() => saveChart('png')}>
        PNG
      </button>
      <button type="button" className="button small" data-export="svg" onClick={() => saveChart('svg')}>
        SVG
      </button>
    </div>
  );
}
