import { useEffect, useRef } from 'react';
import { type ChartOption, echarts } from '../../lib/analysis-charts.js';

/** Event fields ECharts passes to a click on a data item. */
export interface ChartClick {
  dataType?: string;
  name?: string;
  seriesName?: string;
  dataIndex: number;
  data?: unknown;
}

/** One ECharts canvas that follows its option and its box's size; clicks go to `onClick`. */
export function EChart({
  option,
  label,
  onClick,
  hook,
}: {
  option: ChartOption;
  label: string;
  onClick?: (params: ChartClick) => void;
  hook?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, null, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) => click.current?.(p as unknown as ChartClick));
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={box} className="analysis-chart" role="img" aria-label={label} data-chart={hook} />;
}
