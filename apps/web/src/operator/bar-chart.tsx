import { BarChart as Bars } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([Bars, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface BarSeries {
  name: string;
  values: number[];
  color: string;
}

/** A grouped bar chart (ECharts, canvas): one bar per category and series. */
export function BarChart(props: { categories: string[]; series: BarSeries[]; height?: number; testId?: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 48 },
      xAxis: { type: 'category', data: props.categories, axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: props.series.map((s) => ({ type: 'bar', name: s.name, data: s.values, itemStyle: { color: s.color } })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [props.categories, props.series]);
  return <div ref={element} data-testid={props.testId} style={{ width: '100%', height: props.height ?? 280 }} />;
}
