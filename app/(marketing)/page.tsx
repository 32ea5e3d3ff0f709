import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { DSCE_V1 } from '@/lib/framework';
import { BandBadge, type Band } from '@/components/ui/band-badge';
import { ButtonLink } from '@/components/ui/button';
import { Wordmark } from '@/components/ui/wordmark';

export const metadata: Metadata = {
  title: { absolute: 'Desired State — score customer engagement against its desired state' },
};

const steps = [
  {
    title: 'Assess',
    body: 'CSMs answer the guiding questions of each component on five levels, from absent to optimised. Not knowing the answer counts as a low score.',
  },
  {
    title: 'Score',
    body: 'Each component is compared with the target you set for it. The overall score, 0 to 100, is the weighted distance from the desired state.',
  },
  {
    title: 'Act',
    body: 'Every gap is worth a number of points. The largest is the component to fix first — for one account or across the portfolio.',
  },
] as const;

const bands: Band[] = ['desired', 'engaged', 'at_risk', 'critical'];

const roles = [
  { role: 'Customer success managers', does: 'Assess their accounts and see what to work on next.' },
  { role: 'CS leaders', does: 'Read portfolio dashboards: scores, bands, trends and the levers that matter most.' },
  { role: 'Admins', does: 'Set component weights and targets, and manage the members of the organisation.' },
] as const;

export default function LandingPage() {
  return (
    <div className="flex min-h-dvh flex-col bg-surface">
      <header className="border-b border-line">
        <div className="mx-auto flex h-16 max-w-6xl items-center justify-between px-4 sm:px-6 lg:px-8">
          <Link href="/" className="rounded-md">
            <Wordmark />
          </Link>
          <ButtonLink href="/sign-in" variant="secondary" size="sm">
            Sign in
          </ButtonLink>
        </div>
      </header>

      <main id="main" className="flex-1">
        <Hero />
        <HowItWorks />
        <Components />
        <Roles />
      </main>

      <footer className="border-t border-line bg-canvas">
        <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-sm text-ink-muted sm:flex-row sm:items-center sm:justify-between sm:px-6 lg:px-8">
          <p>Desired State — built on the Desired State of Customer Engagement (DSCE) framework.</p>
          <Link href="/sign-in" className="font-medium text-brand-700 hover:underline">
            Sign in
          </Link>
        </div>
      </footer>
    </div>
  );
}

function Hero() {
  return (
    <section aria-labelledby="hero-title" className="border-b border-line bg-canvas">
      <div className="mx-auto grid max-w-6xl gap-12 px-4 py-16 sm:px-6 md:py-20 lg:grid-cols-[1.1fr_0.9fr] lg:items-center lg:px-8">
        <div>
          <p className="text-sm font-medium text-brand-700">Customer engagement, measured</p>
          <h1 id="hero-title" className="mt-3 text-4xl font-semibold tracking-tight text-balance text-ink md:text-5xl">
            Know how far each customer is from the desired state.
          </h1>
          <p className="mt-6 max-w-xl text-lg text-pretty text-ink-muted">
            The desired state is a continuous, mutually profitable exchange in which your customer reaches their
            goals. Desired State scores every account against it across eight components, shows the distance that
            remains, and tells you which component to fix first.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <ButtonLink href="/sign-up">Create an organisation</ButtonLink>
            <ButtonLink href="/sign-in" variant="secondary">
              Sign in
            </ButtonLink>
            <ButtonLink href="#components" variant="ghost">
              See the eight components
            </ButtonLink>
          </div>
        </div>
        <ExampleScore />
      </div>
    </section>
  );
}

/** A static, illustrative result so visitors see what an assessment produces. */
function ExampleScore() {
  const rows = [
    { name: 'Successful product adoption', current: 81, target: 90 },
    { name: 'Customer education', current: 44, target: 80 },
    { name: 'Relationships', current: 75, target: 80 },
  ];
  return (
    <figure className="rounded-xl border border-line bg-surface p-6 shadow-sm">
      <figcaption className="text-xs font-medium tracking-wide text-ink-subtle uppercase">Example assessment</figcaption>
      <div className="mt-3 flex items-start justify-between gap-4">
        <div>
          <p className="text-sm text-ink-muted">Northwind Logistics</p>
          <p className="mt-1 text-4xl font-semibold tracking-tight text-ink tabular-nums">
            72.4<span className="text-base font-normal text-ink-subtle"> / 100</span>
          </p>
        </div>
        <BandBadge band="engaged" />
      </div>
      <ul className="mt-6 space-y-4">
        {rows.map((row) => (
          <li key={row.name}>
            <div className="flex justify-between text-sm">
              <span className="text-ink">{row.name}</span>
              <span className="text-ink-muted tabular-nums">
                {row.current} <span className="text-ink-subtle">of {row.target}</span>
              </span>
            </div>
            <div aria-hidden="true" className="relative mt-1.5 h-1.5 rounded-full bg-hover">
              <div className="h-full rounded-full bg-brand-500" style={{ width: `${row.current}%` }} />
              <div className="absolute -top-1 h-3.5 w-0.5 bg-ink" style={{ left: `${row.target}%` }} />
            </div>
          </li>
        ))}
      </ul>
      <p className="mt-6 rounded-lg bg-brand-50 px-4 py-3 text-sm text-brand-900">
        <span className="font-semibold">Fix first: Customer education.</span> Reaching its target would add 5.3
        points.
      </p>
    </figure>
  );
}

function HowItWorks() {
  return (
    <section aria-labelledby="how-title" className="mx-auto max-w-6xl px-4 py-16 sm:px-6 lg:px-8">
      <h2 id="how-title" className="text-2xl font-semibold tracking-tight text-ink">
        The score is the distance from the desired state
      </h2>
      <p className="mt-3 max-w-2xl text-ink-muted">
        Engagement means little without context. Desired State measures it against what good looks like for each
        account, so a score is never just a number: it comes with the gap behind it.
      </p>
      <ol className="mt-10 grid gap-8 md:grid-cols-3">
        {steps.map((step, index) => (
          <li key={step.title} className="border-t border-line pt-6">
            <p className="text-sm font-medium text-brand-700 tabular-nums">Step {index + 1}</p>
            <h3 className="mt-1 text-lg font-semibold text-ink">{step.title}</h3>
            <p className="mt-2 text-sm text-ink-muted">{step.body}</p>
          </li>
        ))}
      </ol>
      <div className="mt-10 flex flex-wrap items-center gap-2 text-sm text-ink-muted">
        <span>Every account lands in a band:</span>
        {bands.map((band) => (
          <BandBadge key={band} band={band} />
        ))}
      </div>
    </section>
  );
}

function Components() {
  return (
    <section id="components" aria-labelledby="components-title" className="scroll-mt-8 border-y border-line bg-canvas">
      <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6 lg:px-8">
        <h2 id="components-title" className="text-2xl font-semibold tracking-tight text-ink">
          Eight components, improved together
        </h2>
        <p className="mt-3 max-w-2xl text-ink-muted">
          Together they add up to the desired state of customer engagement. They overlap on purpose: a gap in one
          usually shows in another.
        </p>
        <ol className="mt-10 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {DSCE_V1.components.map((component, index) => (
            <li key={component.slug} className="flex flex-col rounded-lg border border-line bg-surface p-5">
              <p aria-hidden="true" className="text-xs font-semibold text-ink-subtle tabular-nums">
                {String(index + 1).padStart(2, '0')}
              </p>
              <h3 className="mt-2 font-semibold text-ink">{component.name}</h3>
              <p className="mt-2 flex-1 text-sm text-ink-muted">{component.description}</p>
              <p className="mt-4 text-xs text-ink-subtle">{component.questions.length} guiding questions</p>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}

function Roles() {
  return (
    <section aria-labelledby="roles-title" className="mx-auto max-w-6xl px-4 py-16 sm:px-6 lg:px-8">
      <h2 id="roles-title" className="text-2xl font-semibold tracking-tight text-ink">
        One view for the whole customer-success team
      </h2>
      <dl className="mt-8 grid gap-6 md:grid-cols-3">
        {roles.map((item) => (
          <div key={item.role}>
            <dt className="font-semibold text-ink">{item.role}</dt>
            <dd className="mt-1 text-sm text-ink-muted">{item.does}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-12 flex flex-col items-start gap-4 rounded-xl bg-brand-900 px-6 py-8 sm:flex-row sm:items-center sm:justify-between sm:px-10">
        <p className="text-lg font-medium text-white">Ready to see where your accounts stand?</p>
        <div className="flex flex-wrap gap-3">
          <Link
            href="/sign-up"
            className="inline-flex h-10 items-center rounded-md bg-white px-4 text-sm font-medium text-brand-900 hover:bg-brand-50 focus-visible:outline-white"
          >
            Create an organisation
          </Link>
          <Link
            href="/sign-in"
            className="inline-flex h-10 items-center rounded-md border border-white/40 px-4 text-sm font-medium text-white hover:bg-white/10 focus-visible:outline-white"
          >
            Sign in
          </Link>
        </div>
      </div>
    </section>
  );
}
