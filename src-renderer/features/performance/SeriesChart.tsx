import { useMantineColorScheme } from '@mantine/core';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  color: string;
}

const height = 220;

/**
 * A line chart drawn by uPlot on a canvas: the points are the days or weeks
 * SQLite already summed, so a year is 366 points whatever the calls behind
 * it. The same numbers are in a table beside it for screen readers.
 * `data-drawn` counts the draws, so a test or the bench knows it is on screen.
 */
export function SeriesChart({
  times,
  series,
  testId,
  label,
}: {
  /** Unix seconds of each point (a day's or week's start). */
  times: number[];
  series: ChartSeries[];
  testId: string;
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | undefined>(undefined);
  const drawn = useRef(0);
  const { colorScheme } = useMantineColorScheme();
  const seriesKey = series.map((s) => s.label).join('|');
  useEffect(() => {
    const element = box.current;
    if (element === null) return;
    const axisColor = colorScheme === 'dark' ? '#c1c2c5' : '#495057';
    const made = new uPlot(
      {
        width: Math.max(300, element.clientWidth),
        height,
        series: [
          {},
          ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, spanGaps: true })),
        ],
        axes: [{ stroke: axisColor }, { stroke: axisColor }],
        hooks: {
          draw: [
            () => {
              drawn.current += 1;
              element.dataset['drawn'] = String(drawn.current);
            },
          ],
        },
      },
      [[], ...series.map(() => [])],
      element,
    );
    chart.current = made;
    const resize = new ResizeObserver(() =>
      made.setSize({ width: Math.max(300, element.clientWidth), height }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      made.destroy();
      chart.current = undefined;
    };
    // The chart is made again only when its lines change; new numbers are set below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seriesKey, colorScheme]);
  useEffect(() => {
    chart.current?.setData([times, ...series.map((s) => s.values)]);
  }, [times, series, seriesKey, colorScheme]);
  return <div ref={box} role="img" aria-label={label} data-testid={testId} />;
}
