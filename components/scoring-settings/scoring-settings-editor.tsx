'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useMemo, useRef, useState, useTransition, type FormEvent } from 'react';
import { previewScoringImpactAction, saveScoringConfigurationAction } from '@/app/o/[slug]/settings/scoring/actions';
import { FieldError, inputClasses, labelClasses } from '@/components/members/form-controls';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { FormMessage } from '@/components/ui/form-message';
import { COMPONENT_SLUGS, type ComponentSlug } from '@/lib/framework';
import { COMPONENT_NAMES } from '@/lib/portfolio/component-names';
import type { ScoringConfiguration } from '@/lib/scoring-config/configuration-snapshot';
import type { SegmentOption } from '@/lib/scoring-config/load-scoring-configuration';
import type { ScoringImpactPreview } from '@/lib/scoring-config/preview-scoring-impact';
import { saveScoringConfigurationInputSchema, scoringConfigurationInputSchema } from '@/lib/scoring-config/scoring-config-input';
import { ImpactPreview } from './impact-preview';

type Numbers = Record<ComponentSlug, string>;
interface FormState {
  weights: Numbers;
  defaultTargets: Numbers;
  segmentTargets: Record<string, Numbers>;
  thresholds: { desired: string; engaged: string; atRisk: string };
}

const PREVIEW_DELAY_MS = 400;
/** The shared input style, without its full width: these hold short numbers. */
const numberClasses = `${inputClasses.replace('w-full ', '')} text-right tabular-nums`;
const text = (value: number | undefined) => (value === undefined ? '' : String(value));
const perSlug = (f: (slug: ComponentSlug) => string) => Object.fromEntries(COMPONENT_SLUGS.map((s) => [s, f(s)])) as Numbers;

function initialState(configuration: ScoringConfiguration, segments: readonly SegmentOption[]): FormState {
  return {
    weights: perSlug((s) => text(configuration.weights[s] ?? 1)),
    defaultTargets: perSlug((s) => text(configuration.targets.defaults[s] ?? 100)),
    segmentTargets: Object.fromEntries(
      segments.filter((s) => !s.retired).map((s) => [s.id, perSlug((slug) => text(configuration.targets.segments[s.id]?.[slug]))]),
    ),
    thresholds: {
      desired: text(configuration.thresholds.desired),
      engaged: text(configuration.thresholds.engaged),
      atRisk: text(configuration.thresholds.atRisk),
    },
  };
}

/** Messages per input path ("weights.intent", "thresholds", …) from the shared zod schema. */
function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    map.set(key, [...(map.get(key) ?? []), issue.message]);
  }
  return map;
}

/**
 * Weights, desired-state targets (defaults and per-segment overrides) and band thresholds, with a live preview of
 * the impact on every account's latest score. The same zod schema checks each field here (instantly) and on the
 * server (authoritatively); saving needs a reason and names the version it was based on.
 */
export function ScoringSettingsEditor(props: {
  slug: string;
  version: number;
  configuration: ScoringConfiguration;
  segments: SegmentOption[];
}) {
  const { slug, version, configuration, segments } = props;
  const id = useId();
  const router = useRouter();
  const activeSegments = segments.filter((s) => !s.retired);
  const [form, setForm] = useState(() => initialState(configuration, segments));
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [saving, startSaving] = useTransition();
  const [preview, setPreview] = useState<ScoringImpactPreview | null>(null);
  /** The edit the latest preview answer belongs to, and its error if the server refused it. */
  const [answered, setAnswered] = useState<{ form: FormState; error: string | null } | null>(null);
  const request = useRef(0);

  const parsed = useMemo(() => scoringConfigurationInputSchema.safeParse(form), [form]);
  const errors = parsed.success ? new Map<string, string[]>() : fieldErrors(parsed.error.issues);

  // The preview follows the edits, debounced; a late answer to an older edit is ignored.
  useEffect(() => {
    if (!parsed.success) return;
    const ticket = ++request.current;
    const timer = setTimeout(async () => {
      const result = await previewScoringImpactAction(slug, form);
      if (ticket !== request.current) return;
      if (result.ok) setPreview(result.data);
      setAnswered({ form, error: result.ok ? null : result.error.message });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [form, parsed.success, slug]);

  const previewState = !parsed.success ? 'error' : answered?.form !== form ? 'loading' : answered.error ? 'error' : 'idle';
  const previewError = !parsed.success ? 'Fix the highlighted settings to see their impact.' : (answered?.error ?? null);

  const setNumber = (group: 'weights' | 'defaultTargets', slugKey: ComponentSlug, value: string) =>
    setForm((f) => ({ ...f, [group]: { ...f[group], [slugKey]: value } }));
  const setOverride = (segmentId: string, slugKey: ComponentSlug, value: string) =>
    setForm((f) => ({
      ...f,
      segmentTargets: { ...f.segmentTargets, [segmentId]: { ...f.segmentTargets[segmentId]!, [slugKey]: value } },
    }));
  const setThreshold = (key: keyof FormState['thresholds'], value: string) =>
    setForm((f) => ({ ...f, thresholds: { ...f.thresholds, [key]: value } }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    const input = { ...form, basedOnVersion: version, reason };
    const checked = saveScoringConfigurationInputSchema.safeParse(input);
    if (!checked.success) {
      const all = fieldErrors(checked.error.issues);
      setReasonError(all.get('reason')?.join(' ') ?? null);
      setMessage({ tone: 'error', text: 'Nothing was saved: please correct the highlighted fields.' });
      return;
    }
    setReasonError(null);
    startSaving(async () => {
      const result = await saveScoringConfigurationAction(slug, input);
      if (!result.ok) {
        const details = Object.values(result.error.fieldErrors ?? {}).flat();
        setMessage({ tone: 'error', text: [result.error.message, ...details].join(' ') });
        return;
      }
      setReason('');
      setMessage({
        tone: 'success',
        text: `Saved as version ${result.data.version}; ${result.data.rescored.toLocaleString('en')} accounts re-scored.`,
      });
      router.refresh();
    });
  }

  const numberInput = (name: string, label: string, value: string, onChange: (v: string) => void, extra: { placeholder?: string } = {}) => {
    const messages = errors.get(name);
    const inputId = `${id}-${name}`;
    return (
      <>
        <label htmlFor={inputId} className="sr-only">
          {label}
        </label>
        <input
          id={inputId}
          name={name}
          inputMode="decimal"
          value={value}
          placeholder={extra.placeholder}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={messages ? true : undefined}
          aria-describedby={messages ? `${inputId}-error` : undefined}
          className={`${numberClasses} h-9 w-24`}
        />
        <FieldError id={`${inputId}-error`} messages={messages} />
      </>
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label="Scoring settings">
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="space-y-6">
          <Card>
            <CardHeader
              title="Weights and desired-state targets"
              description="A weight of 0 leaves a component out of the score. Targets are above 0 and at most 100; a blank segment target uses the default."
            />
            <div className="overflow-x-auto">
              <table className="min-w-full text-sm">
                <caption className="sr-only">Weight and targets per component</caption>
                <thead className="text-left text-xs text-ink-muted">
                  <tr className="border-b border-line">
                    <th scope="col" className="px-5 py-2 font-medium">Component</th>
                    <th scope="col" className="px-2 py-2 font-medium">Weight</th>
                    <th scope="col" className="px-2 py-2 font-medium">Default target</th>
                    {activeSegments.map((s) => (
                      <th key={s.id} scope="col" className="px-2 py-2 font-medium">
                        {s.name}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {COMPONENT_SLUGS.map((slugKey) => (
                    <tr key={slugKey} className="border-b border-line last:border-0 align-top">
                      <th scope="row" className="px-5 py-2 text-left font-medium text-ink">
                        {COMPONENT_NAMES[slugKey]}
                      </th>
                      <td className="px-2 py-2">
                        {numberInput(`weights.${slugKey}`, `Weight of ${COMPONENT_NAMES[slugKey]}`, form.weights[slugKey], (v) =>
                          setNumber('weights', slugKey, v),
                        )}
                      </td>
                      <td className="px-2 py-2">
                        {numberInput(
                          `defaultTargets.${slugKey}`,
                          `Default target of ${COMPONENT_NAMES[slugKey]}`,
                          form.defaultTargets[slugKey],
                          (v) => setNumber('defaultTargets', slugKey, v),
                        )}
                      </td>
                      {activeSegments.map((s) => (
                        <td key={s.id} className="px-2 py-2">
                          {numberInput(
                            `segmentTargets.${s.id}.${slugKey}`,
                            `${s.name} target of ${COMPONENT_NAMES[slugKey]}`,
                            form.segmentTargets[s.id]![slugKey],
                            (v) => setOverride(s.id, slugKey, v),
                            { placeholder: form.defaultTargets[slugKey] },
                          )}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <FieldError id={`${id}-weights-error`} messages={errors.get('weights')} />
          </Card>

          <Card>
            <CardHeader title="Band thresholds" description="The lowest score of each band; desired state above engaged, engaged above at risk." />
            <CardBody>
              <fieldset className="flex flex-wrap gap-4">
                <legend className="sr-only">Band thresholds</legend>
                {(
                  [
                    ['desired', 'Desired state from'],
                    ['engaged', 'Engaged from'],
                    ['atRisk', 'At risk from'],
                  ] as const
                ).map(([key, label]) => (
                  <div key={key}>
                    <label htmlFor={`${id}-thresholds.${key}`} className={labelClasses}>
                      {label}
                    </label>
                    <input
                      id={`${id}-thresholds.${key}`}
                      inputMode="decimal"
                      value={form.thresholds[key]}
                      onChange={(e) => setThreshold(key, e.target.value)}
                      aria-invalid={errors.get(`thresholds.${key}`) || errors.get('thresholds') ? true : undefined}
                      aria-describedby={`${id}-thresholds-error`}
                      className={`${numberClasses} mt-1 w-28`}
                    />
                    <FieldError id={`${id}-thresholds.${key}-error`} messages={errors.get(`thresholds.${key}`)} />
                  </div>
                ))}
              </fieldset>
              <FieldError id={`${id}-thresholds-error`} messages={errors.get('thresholds')} />
            </CardBody>
          </Card>
        </div>

        <Card className="self-start xl:sticky xl:top-4">
          <CardHeader
            title="Impact preview"
            description="What these settings would do to every account's latest score. A preview only: nothing changes until you save."
          />
          <CardBody>
            <ImpactPreview slug={slug} preview={preview} state={previewState} error={previewError} />
          </CardBody>
        </Card>
      </div>

      <Card>
        <CardHeader title="Save as a new version" description={`You are editing version ${version}. Saving re-scores every account's latest assessment.`} />
        <CardBody className="space-y-3">
          <div>
            <label htmlFor={`${id}-reason`} className={labelClasses}>
              Reason for the change (required)
            </label>
            <textarea
              id={`${id}-reason`}
              name="reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              rows={2}
              maxLength={500}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? `${id}-reason-error` : undefined}
              className={`${inputClasses} mt-1 h-auto max-w-2xl py-2`}
            />
            <FieldError id={`${id}-reason-error`} messages={reasonError ? [reasonError] : undefined} />
          </div>
          <div className="flex items-center gap-3">
            <Button type="submit" disabled={saving}>
              {saving ? 'Saving and re-scoring…' : 'Save and re-score'}
            </Button>
            <Button type="button" variant="ghost" disabled={saving} onClick={() => setForm(initialState(configuration, segments))}>
              Reset to version {version}
            </Button>
          </div>
          {message ? <FormMessage tone={message.tone}>{message.text}</FormMessage> : null}
        </CardBody>
      </Card>
    </form>
  );
}
