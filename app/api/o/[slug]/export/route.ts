import { PassThrough, Readable } from 'node:stream';
import { prisma } from '@/lib/db/prisma';
import { organizationRoute } from '@/lib/http/organization-route';
import { exportOrganizationArchive } from '@/lib/organization-data/export-organization';
import { actorOf } from '@/lib/tenancy/require-actor-permission';

/**
 * GET /api/o/[slug]/export: the whole organisation as a zip archive (admins), streamed while it is read. The
 * response starts only once access is checked and the snapshot is open, so refusals still get their status.
 */
export const GET = organizationRoute<{ slug: string }>({
  permission: 'organization.delete',
  handler: async (_request, access) => {
    const archive = new PassThrough({ highWaterMark: 1024 * 1024 });
    let started: () => void = () => {};
    const ready = new Promise<void>((resolve) => (started = resolve));
    const exported = exportOrganizationArchive(prisma(), actorOf(access), archive, { onStarted: () => started() });
    await Promise.race([ready, exported]);
    exported.catch((error: unknown) => {
      // The status is already sent: the download ends incomplete (an invalid zip) and the reason is logged.
      console.error(`[export] ${access.organization.slug}: the archive stream failed`, error);
      archive.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '-');
    return new Response(Readable.toWeb(archive) as ReadableStream<Uint8Array>, {
      headers: {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${access.organization.slug}-export-${stamp}.zip"`,
        'Cache-Control': 'no-store',
      },
    });
  },
});
