import { questionId, type ComponentSlug, type Framework, type FrameworkComponent } from './types';

/**
 * DSCE framework, version 1 — components and guiding questions taken from shared/framework/DSCE.md.
 * Question ids are positional (`intent.q1` …) and must never be renumbered: stored answers refer to them.
 * Any change to wording that changes meaning, or to the question set, is a new version (dsce-v2), never an edit.
 */

function component(
  slug: ComponentSlug,
  name: string,
  description: string,
  questions: readonly string[],
): FrameworkComponent {
  return { slug, name, description, questions: questions.map((text, i) => ({ id: questionId(slug, i + 1), text })) };
}

/** Deep-freezes plain data so the shared definition cannot be mutated by a consumer. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

export const DSCE_V1: Framework = deepFreeze({
  version: 'dsce-v1',
  components: [
    component('intent', 'Customer intent', 'Why did the customer start working with us, beyond the known use case?', [
      'Do we know the intent type: replacing an old process with a new way of working, switching from a competitor, a strategic company-wide integration, or a small team proving value to win a wider roll-out?',
      'Do we know the behaviour and action the customer intends (e.g. adopt at every level of the company)?',
      'Do we know how much change management and learning curve that intent implies for onboarding?',
      'Would the customer recognise us as a trusted advisor who understands their business?',
    ]),
    component('anticipation', 'Anticipating needs and behaviour', 'Proactive rather than fire-fighting.', [
      "Do we understand the customer's needs across the buying cycle and the post-sale journey?",
      'Is content and information ready for them when, where and how they need it?',
      'Are we ready to support and guide them through prescriptive steps along the journey?',
    ]),
    component(
      'adoption',
      'Successful product adoption',
      'Not "do they use it" (yes/no) but multi-faceted.',
      [
        'Are they using the product in a way that fulfils their intent, meets their goals and takes full advantage?',
        'Does it solve a pain or deliver a benefit, and deepen the value of the relationship?',
        'Is there depth and breadth of usage?',
        'Where adoption is low, are there product blockers (bugs, usability, unfriendly design)?',
      ],
    ),
    component('outcomes', 'Outcomes at scale', 'Consistent, reliable, predictable outcomes.', [
      'Do we measure and monitor whether customers reach their goals and outcomes?',
      'Has the account reached the SPA state?',
      'What do customer health scores say?',
      'Is the experience consistent, and are outcomes predictable across the customer base?',
    ]),
    component('relationships', 'Relationships', 'A customer or user is not automatically a relationship.', [
      'Is there a consistent relationship pre- and post-sale?',
      'Do they feel supported, and do we understand their needs, behaviours and goals?',
      'Do they believe they can reach their goals through their interactions with us and our product?',
      'Do they advocate for us?',
      'Does the relationship scale beyond one heroic CSM?',
    ]),
    component(
      'engagement',
      'Communication & engagement',
      'Communication can be one-way; engagement is a mutual exchange whose purpose is to drive action and deepen the relationship.',
      [
        'What is the purpose of our communication with this customer, and how does it serve both sides?',
        'How much of what we share is deliberately designed to drive a response (vs. only to inform)?',
        'When we share information, do we know what we need the customer to do with it and which outcome it serves?',
      ],
    ),
    component('education', 'Customer education', 'The not-so-secret sauce for scaling customer success.', [
      'Are there learning objectives for this customer?',
      'Is content created specifically to educate them on the product and on industry best practice?',
      'Does that content help them reach successful product adoption?',
      'Is education delivered through technology at scale, or only through 1:1 human interaction?',
    ]),
    component('journey', 'Optimal customer journey', 'The three Ps: prescriptive, predictive, proactive.', [
      "Prescriptive: is the journey optimised for this customer's segment / tier, or one-size-fits-all?",
      'Predictive: does the path lead predictably and reliably to the outcome (does A lead to B)?',
      'Proactive: are CSMs aligned with the rest of the organisation, trained and resourced to act proactively?',
      'Do customers never feel our internal processes or fall through the cracks?',
    ]),
  ],
  levels: [
    {
      value: 0,
      label: 'Absent',
      description: 'Nothing is in place for this today: we do not do it, or only react after something has gone wrong.',
    },
    {
      value: 1,
      label: 'Ad hoc',
      description: 'It happens occasionally, thanks to individual effort, with no shared or repeatable approach.',
    },
    {
      value: 2,
      label: 'Defined',
      description: 'There is an agreed, documented approach for this customer, but it is applied inconsistently.',
    },
    {
      value: 3,
      label: 'Managed',
      description: 'The approach is applied consistently, has an owner and is measured, with evidence we can point to.',
    },
    {
      value: 4,
      label: 'Optimised',
      description:
        'It is predictable and scalable: measured, continuously improved and independent of any one person.',
    },
  ],
});
