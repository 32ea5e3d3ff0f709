'use client';

import { useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatScore } from '@/lib/scoring';
import { ChartTable } from './chart-table';

export interface TrendDatum {
  /** Submission time, ms since the epoch. */
  at: number;
  score: number;
  components: Record<string, number | null>;
}

const COLORS = ['#4f46e5', '#0f766e', '#b45309', '#b91c1c', '#7c3aed', '#0369a1', '#15803d', '#475569'];
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** DSCE score (and optionally each component's current score) over the account's submitted assessments. */
export function ScoreTrendChart({ data, components }: { data: TrendDatum[]; components: { slug: string; name: string }[] }) {
  const [showComponents, setShowComponents] = useState(false);
  const rows = data.map((d) => ({ at: d.at, score: d.score, ...d.components }));
  return (
    <figure>
      <label className="flex items-center gap-2 text-sm text-ink-muted">
        <input type="checkbox" checked={showComponents} onChange={(e) => setShowComponents(e.target.checked)} />
        Show components
      </label>
      <div aria-hidden="true" className="mt-2 h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ left: 0, right: 16, top: 8, bottom: 4 }}>
            <CartesianGrid stroke="var(--color-line)" />
            <XAxis
              dataKey="at"
              type="number"
              scale="time"
              domain={['dataMin', 'dataMax']}
              tickFormatter={(value: number) => day.format(value)}
              tick={{ fontSize: 12, fill: 'var(--color-ink-muted)' }}
            />
            <YAxis domain={[0, 100]} width={36} tick={{ fontSize: 12, fill: 'var(--color-ink-muted)' }} />
            <Tooltip
              labelFormatter={(value) => (typeof value === 'number' ? day.format(value) : '')}
              formatter={(value) => formatScore(typeof value === 'number' ? value : null)}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Line dataKey="score" name="DSCE score" stroke="var(--color-ink)" strokeWidth={2.5} dot isAnimationActive={false} />
            {showComponents
              ? components.map((c, i) => (
                  <Line key={c.slug} dataKey={c.slug} name={c.name} stroke={COLORS[i % COLORS.length]} strokeWidth={1.25} dot={false} connectNulls isAnimationActive={false} />
                ))
              : null}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">DSCE score over time; the table below has the figures.</figcaption>
      <ChartTable caption="DSCE score and component scores per submitted assessment">
        <thead className="text-left text-ink-muted">
          <tr>
            <th scope="col" className="py-1 pr-3">Submitted</th>
            <th scope="col" className="py-1 pr-3 text-right">Score</th>
            {components.map((c) => (
              <th key={c.slug} scope="col" className="py-1 pr-3 text-right">{c.name}</th>
            ))}
          </tr>
        </thead>
        <tbody data-testid="trend-table-body">
          {data.map((d) => (
            <tr key={d.at} className="border-t border-line">
              <th scope="row" className="py-1 pr-3 text-left font-normal whitespace-nowrap">{day.format(d.at)}</th>
              <td className="py-1 pr-3 text-right font-medium tabular-nums">{formatScore(d.score)}</td>
              {components.map((c) => (
                <td key={c.slug} className="py-1 pr-3 text-right tabular-nums">{formatScore(d.components[c.slug])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </ChartTable>
    </figure>
  );
}
