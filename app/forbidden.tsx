import Link from '@/components/ui/link';

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto flex min-h-[60vh] max-w-lg flex-col justify-center px-6 py-16">
      <p className="text-sm font-semibold text-brand-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-ink">You don’t have access to this page</h1>
      <p className="mt-3 text-ink-muted">
        Your role in this organisation does not include it. Ask an admin of your organisation if you need access.
      </p>
      <p className="mt-6">
        <Link href="/o" className="font-medium text-brand-700 hover:underline">
          Back to your accounts
        </Link>
      </p>
    </main>
  );
}
