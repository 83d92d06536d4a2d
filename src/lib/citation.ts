/**
 * The plain-text citation shown in a plan's "Trích dẫn" block: who issued it,
 * what, when, and where the archive keeps it.
 */
import type { PlanFacts } from './plan-facts.ts';

export function citationText(facts: PlanFacts, pageUrl: string): string {
  const { plan } = facts;
  const parts = [
    `${plan.issuer.name}.`,
    `${plan.title}${plan.documentNumber ? ` (số ${plan.documentNumber})` : ''}.`,
    plan.issuedOn ? `Ban hành ngày ${facts.dateText}.` : 'Không rõ ngày ban hành.',
    `Kho kế hoạch CCHC, ${pageUrl}.`,
  ];
  return parts.join(' ');
}
