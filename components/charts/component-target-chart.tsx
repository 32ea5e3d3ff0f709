'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatScore } from '@/lib/scoring';
import { ChartTable } from './chart-table';

export interface ComponentTargetDatum {
  name: string;
  current: number | null;
  target: number | null;
}

/** Each component's current score against its target (props only; figures rounded for display). */
export function ComponentTargetChart({ data }: { data: ComponentTargetDatum[] }) {
  return (
    <figure>
      <div aria-hidden="true" className="h-80 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16, top: 4, bottom: 4 }} barGap={2}>
            <CartesianGrid horizontal={false} stroke="var(--color-line)" />
            <XAxis type="number" domain={[0, 100]} tick={{ fontSize: 12, fill: 'var(--color-ink-muted)' }} />
            <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 12, fill: 'var(--color-ink)' }} />
            <Tooltip formatter={(value) => formatScore(typeof value === 'number' ? value : null)} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="current" name="Current" fill="var(--color-brand-600)" isAnimationActive={false} />
            <Bar dataKey="target" name="Target" fill="var(--color-line-strong)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">Current score and target per component; the table below has the figures.</figcaption>
      <ChartTable caption="Current score and target per component">
        <thead className="text-left text-ink-muted">
          <tr>
            <th scope="col" className="py-1 pr-4">Component</th>
            <th scope="col" className="py-1 pr-4 text-right">Current</th>
            <th scope="col" className="py-1 pr-4 text-right">Target</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.name} className="border-t border-line">
              <th scope="row" className="py-1 pr-4 text-left font-normal">{d.name}</th>
              <td className="py-1 pr-4 text-right tabular-nums">{d.current === null ? 'n/a' : formatScore(d.current)}</td>
              <td className="py-1 pr-4 text-right tabular-nums">{formatScore(d.target)}</td>
            </tr>
          ))}
        </tbody>
      </ChartTable>
    </figure>
  );
}
