'use client';

import Link from '@/components/ui/link';
import { useState, useTransition, type ChangeEvent } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import type { AccountImportSummary } from '@/lib/accounts/import-accounts';
import type { AccountImportPreview } from '@/lib/accounts/preview-account-import';
import type { ActionResult } from '@/lib/http/organization-action';
import { labelClasses } from './form-controls';
import { FormMessage } from '@/components/ui/form-message';

type Action<T> = (slug: string, input: { csv: string }) => Promise<ActionResult<T>>;

/** Keep in step with MAX_IMPORT_BYTES (lib/accounts/account-import.ts), checked again on the server. */
const MAX_BYTES = 800_000;

/**
 * Upload → preview → confirm. The preview writes nothing; confirm sends the same file text again and the server
 * re-checks it, so nothing the browser holds is trusted. Confirm is only offered for a file with no invalid rows.
 */
export function AccountImportWizard({
  slug,
  preview: previewAction,
  confirm: confirmAction,
}: {
  slug: string;
  preview: Action<AccountImportPreview>;
  confirm: Action<AccountImportSummary>;
}) {
  const [pending, startTransition] = useTransition();
  const [csv, setCsv] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<AccountImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<AccountImportSummary | null>(null);

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setPreview(null);
    setSummary(null);
    setError(null);
    setCsv(null);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setError(`The file is larger than ${Math.round(MAX_BYTES / 1000)} KB; split it into smaller files.`);
      return;
    }
    const text = await file.text();
    setCsv(text);
    setFileName(file.name);
    startTransition(async () => {
      const result = await previewAction(slug, { csv: text });
      if (result.ok) setPreview(result.data);
      else setError(result.error.message);
    });
  }

  function onConfirm() {
    if (!csv) return;
    startTransition(async () => {
      const result = await confirmAction(slug, { csv });
      if (result.ok) {
        setSummary(result.data);
        setPreview(null);
        setCsv(null);
      } else setError(result.error.message);
    });
  }

  const invalid = preview ? preview.counts.invalid + (preview.fileErrors.length > 0 ? 1 : 0) : 0;
  return (
    <div className="flex flex-col gap-5">
      <label className={labelClasses}>
        CSV file
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={onFile}
          className="text-sm file:mr-3 file:rounded-md file:border file:border-line-strong file:bg-surface file:px-3 file:py-1.5 file:text-sm"
        />
      </label>
      {pending ? <p role="status" className="text-sm text-ink-muted">Checking…</p> : null}
      {error ? <FormMessage tone="error">{error}</FormMessage> : null}
      {summary ? (
        <FormMessage tone="success">
          Imported {summary.rows} rows: {summary.created} created, {summary.updated} updated, {summary.unchanged} unchanged.{' '}
          <Link href={`/o/${slug}/accounts`} className="underline">
            Back to accounts
          </Link>
        </FormMessage>
      ) : null}
      {preview ? (
        <section aria-labelledby="import-preview-heading" className="flex flex-col gap-3">
          <h2 id="import-preview-heading" className="text-base font-semibold text-ink">
            Preview of {fileName}
          </h2>
          {preview.fileErrors.map((message) => (
            <FormMessage key={message} tone="error">
              {message}
            </FormMessage>
          ))}
          {preview.fileErrors.length === 0 ? (
            <p role="status" className="text-sm text-ink-muted">
              {preview.counts.rows} rows: {preview.counts.create} to create, {preview.counts.update} to update
              {preview.counts.invalid > 0
                ? `; ${preview.counts.invalid} with errors. Nothing will be imported until every row is valid: fix the file and choose it again.`
                : '. Nothing has been written yet.'}
            </p>
          ) : null}
          {preview.ignoredColumns.length > 0 ? (
            <p className="text-sm text-ink-muted">Ignored columns: {preview.ignoredColumns.join(', ')}.</p>
          ) : null}
          {preview.rows.length > 0 ? (
            <div className="max-h-[32rem] overflow-auto rounded-lg border border-line bg-surface">
              <table className="min-w-full text-sm">
                <caption className="sr-only">Rows of the file and what importing them would do</caption>
                <thead className="sticky top-0 bg-canvas text-left text-xs font-semibold tracking-wide text-ink-muted uppercase">
                  <tr>
                    {['Line', 'Name', 'External id', 'Segment', 'Owner email', 'ARR', 'Renewal', 'Stage', 'Result'].map((title) => (
                      <th key={title} scope="col" className="px-3 py-2">
                        {title}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-line">
                  {preview.rows.map((row) => (
                    <tr key={row.line} className={cn(row.errors.length > 0 && 'bg-band-critical-soft')}>
                      <td className="px-3 py-2 tabular-nums">{row.line}</td>
                      <th scope="row" className="px-3 py-2 text-left font-medium">{row.values.name || '—'}</th>
                      <td className="px-3 py-2">{row.values.externalId ?? '—'}</td>
                      <td className="px-3 py-2">{row.values.segment ?? '—'}</td>
                      <td className="px-3 py-2">{row.values.ownerEmail ?? '—'}</td>
                      <td className="px-3 py-2 tabular-nums">{row.values.arr ?? '—'}</td>
                      <td className="px-3 py-2 tabular-nums">{row.values.renewalDate ?? '—'}</td>
                      <td className="px-3 py-2">{row.values.stage ?? '—'}</td>
                      <td className="px-3 py-2">
                        {row.errors.length > 0 ? (
                          <ul className="text-band-critical-ink">
                            {row.errors.map((message) => (
                              <li key={message}>
                                Line {row.line}: {message}
                              </li>
                            ))}
                          </ul>
                        ) : (
                          <span className="text-ink-muted">{row.action === 'update' ? 'Update' : 'Create'}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <div>
            <Button onClick={onConfirm} disabled={pending || invalid > 0 || preview.rows.length === 0}>
              {invalid > 0 ? 'Fix the errors to import' : `Import ${preview.counts.rows} accounts`}
            </Button>
          </div>
        </section>
      ) : null}
    </div>
  );
}
