/** The search page's state in its URL (docs/interfaces.md §2): `?q=…&tinh=…&nam=…&loai=…&cap=…&linh-vuc=…&chi-so=…&sap-xep=…`. */
import { FILTERS, type FilterName } from './index-fields.ts';

export type ActiveFilters = Partial<Record<FilterName, string>>;

export const SORTS = {
  'lien-quan': 'Liên quan nhất',
  'moi-nhat': 'Mới nhất',
  'cu-nhat': 'Cũ nhất',
} as const;
export type SortOrder = keyof typeof SORTS;
const DEFAULT_SORT: SortOrder = 'lien-quan';

export interface SearchState {
  q: string;
  filters: ActiveFilters;
  sort: SortOrder;
}

/** Filter values are slugs or years; anything else cannot match and is dropped. */
const VALUE = /^[a-z0-9-]{1,80}$/;

export function readState(params: URLSearchParams): SearchState {
  const filters: ActiveFilters = {};
  for (const name of FILTERS) {
    const value = params.get(name)?.trim().toLowerCase();
    if (value && VALUE.test(value)) filters[name] = value;
  }
  const sort = params.get('sap-xep') ?? '';
  return { q: params.get('q') ?? '', filters, sort: Object.hasOwn(SORTS, sort) ? (sort as SortOrder) : DEFAULT_SORT };
}

/** The query string for `state`, leaving out what is empty or default. */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const name of FILTERS) {
    const value = state.filters[name];
    if (value) params.set(name, value);
  }
  if (state.sort !== DEFAULT_SORT) params.set('sap-xep', state.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const hasFilters = (state: SearchState): boolean => Object.values(state.filters).some(Boolean);
