/** Plans built in memory for the unit tests, validated by the real schema. */
import { planSchema, type PlanInput } from '../../src/schemas/plan.ts';
import { planFacts, type PlanFacts } from '../../src/lib/plan-facts.ts';

const BASE: PlanInput = {
  title: 'Kế hoạch cải cách hành chính (kiểm thử)',
  documentType: 'ke-hoach',
  issuedOn: '15/01/2020',
  issuer: { name: 'UBND tỉnh Quảng Nam', level: 'tinh' },
  province: 'Quảng Nam',
  period: { from: 2020, to: 2020 },
  reformAreas: ['the-che'],
  summary: 'Một kế hoạch dựng trong bộ kiểm thử để kiểm tra đồ thị trích dẫn và dữ liệu mở.',
  source: { publisher: 'Dữ liệu kiểm thử' },
};

export function makeFacts(slug: string, overrides: Partial<PlanInput> = {}): PlanFacts {
  return planFacts(slug, planSchema.parse({ ...BASE, ...overrides }));
}
