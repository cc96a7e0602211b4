/**
 * One ECharts chart drawn with the SVG renderer (crisp at any zoom, and its SVG is the export),
 * with only the chart types and components the dashboard uses registered, to keep the bundle
 * small. Exposes PNG and SVG export through a ref.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export interface ChartHandle {
  svg(): string | null;
  png(): Promise<string | null>;
}

/** Draws an SVG on a white canvas at twice its size and returns the PNG as base64. */
async function rasterise(svg: string, width: number, height: number): Promise<string | null> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const g = canvas.getContext('2d');
    if (!g) return null;
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png').split(',')[1] ?? null;
  } finally {
    URL.revokeObjectURL(url);
  }
}

export const Chart = forwardRef<ChartHandle, { option: Record<string, unknown>; label: string; height?: number }>(
  function Chart({ option, label, height = 180 }, ref) {
    const host = useRef<HTMLDivElement>(null);
    const chart = useRef<echarts.ECharts | null>(null);

    useEffect(() => {
      if (!host.current) return;
      const instance = echarts.init(host.current, null, { renderer: 'svg' });
      chart.current = instance;
      const observer = new ResizeObserver(() => instance.resize());
      observer.observe(host.current);
      return () => {
        observer.disconnect();
        instance.dispose();
        chart.current = null;
      };
    }, []);

    useEffect(() => {
      chart.current?.setOption(option, true);
    }, [option]);

    useImperativeHandle(ref, () => ({
      svg: () => chart.current?.renderToSVGString() ?? null,
      async png() {
        const c = chart.current;
        if (!c) return null;
        return rasterise(c.renderToSVGString(), c.getWidth(), c.getHeight());
      },
    }));

    return <div ref={host} className="metric-chart" role="img" aria-label={label} style={{ height }} />;
  },
);
