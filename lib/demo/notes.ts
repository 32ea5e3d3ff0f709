import type { ComponentSlug } from '@/lib/framework';

/** Evidence notes a CSM might leave on an account's weakest and strongest components. */
export const WEAK_NOTES: Record<ComponentSlug, string> = {
  intent: 'We never confirmed why they bought beyond the original use case; the sponsor changed after signing.',
  anticipation: 'Mostly reactive: we learn about their needs from support tickets.',
  adoption: 'Usage concentrated in one team; two modules untouched since go-live.',
  outcomes: 'No agreed success metrics yet; health score drifts without a clear cause.',
  relationships: 'Single-threaded through one champion; no executive contact.',
  engagement: 'Newsletters only, no replies; QBR postponed twice.',
  education: 'No learning plan; new users are trained ad hoc on calls.',
  journey: 'Handover from sales was incomplete; they felt our internal process during onboarding.',
};

export const STRONG_NOTES: Record<ComponentSlug, string> = {
  intent: 'Sponsor articulated a company-wide standardisation goal; documented in the success plan.',
  anticipation: 'Playbook triggers fire before renewal and expansion moments; content is ready in advance.',
  adoption: 'Broad and deep usage across departments; power users run internal office hours.',
  outcomes: 'Quarterly outcome review against agreed KPIs; targets met two quarters running.',
  relationships: 'Multi-threaded: exec sponsor, champion and admins engaged; they referred a peer.',
  engagement: 'Two-way cadence with clear asks; they act on our recommendations.',
  education: 'Certification path completed by most admins; self-serve academy well used.',
  journey: 'Segment playbook followed end to end; no dropped hand-offs this year.',
};
