'use client';

import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** Recharts charts for the portfolio (props only, no data access). Numbers arrive unrounded; labels round. */

const BAND_COLOURS: Record<string, string> = {
  desired: 'var(--color-band-desired)',
  engaged: 'var(--color-band-engaged)',
  at_risk: 'var(--color-band-at-risk)',
  critical: 'var(--color-band-critical)',
};
const round = (value: unknown) => (typeof value === 'number' ? value.toFixed(1) : String(value));

export function TrendChart({ points }: { points: { period: string; meanScore: number; accounts: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height={220}>
      <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
        <CartesianGrid stroke="var(--color-line)" strokeDasharray="3 3" />
        <XAxis dataKey="period" fontSize={12} />
        <YAxis domain={[0, 100]} fontSize={12} />
        <Tooltip formatter={round} />
        <Line type="monotone" dataKey="meanScore" name="Mean score" stroke="var(--color-brand-600)" strokeWidth={2} dot isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

export function BandChart({ bands }: { bands: { band: string; label: string; accounts: number; arr: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={bands} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
        <CartesianGrid stroke="var(--color-line)" strokeDasharray="3 3" />
        <XAxis dataKey="label" fontSize={12} />
        <YAxis allowDecimals={false} fontSize={12} />
        <Tooltip />
        <Bar dataKey="accounts" name="Accounts" isAnimationActive={false}>
          {bands.map((b) => (
            <Cell key={b.band} fill={BAND_COLOURS[b.band]} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Legend entries in body text colour: recharts colours them like their series, too pale for the gap's yellow. */
const legendText = (value: string) => <span style={{ color: 'var(--color-ink)' }}>{value}</span>;

// Component names run to three words ("Anticipating needs and behaviour"): the category axes get the width and
// the row height to set them on two lines without overlapping their neighbours.
export function ComponentChart({ components }: { components: { name: string; meanCurrent: number | null; meanGap: number | null }[] }) {
  return (
    <ResponsiveContainer width="100%" height={380}>
      <BarChart data={components} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid stroke="var(--color-line)" strokeDasharray="3 3" />
        <XAxis type="number" domain={[0, 100]} fontSize={12} />
        <YAxis type="category" dataKey="name" width={200} fontSize={12} />
        <Tooltip formatter={round} />
        <Legend formatter={legendText} wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="meanCurrent" name="Mean current" stackId="c" fill="var(--color-brand-600)" isAnimationActive={false} />
        <Bar dataKey="meanGap" name="Mean gap to target" stackId="c" fill="var(--color-band-at-risk-line)" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function LeverChart({ levers }: { levers: { name: string; leverSum: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height={340}>
      <BarChart data={levers} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid stroke="var(--color-line)" strokeDasharray="3 3" />
        <XAxis type="number" fontSize={12} />
        <YAxis type="category" dataKey="name" width={140} fontSize={12} />
        <Tooltip formatter={round} />
        <Bar dataKey="leverSum" name="Score points to gain (summed)" fill="var(--color-brand-500)" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
