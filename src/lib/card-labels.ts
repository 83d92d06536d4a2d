/**
 * The labels of a plan card's values, in the order cards show them: the
 * archive's lists (PlanCard.astro) and the search results (render.ts) say the
 * same, so that a bare "Không rõ" never stands alone.
 */
export const CARD_LABELS = {
  number: 'Số ký hiệu',
  issuer: 'Cơ quan ban hành',
  date: 'Ngày ban hành',
  province: 'Tỉnh',
} as const;

/** What a card shows for a value the source does not give. */
export const CARD_UNKNOWN = 'Không rõ';
