/**
 * Keeping Pagefind's page ids unique across shards.
 *
 * Pagefind names each page it stores by a short hash of the stored page
 * (seven hex digits, "vi_028cef7"), and lengthens a hash only when it repeats
 * within one index. Across the shards of a split index (shards.ts) nothing
 * keeps them apart: at 100,000 plans in 16 shards about 19 ids repeat, and
 * the search page, which knows a plan by its id, took each such pair for one
 * plan. The build therefore checks every shard's ids against the shards
 * before it, and indexes a shard again with a salt on each page whose id was
 * taken: the salt changes what Pagefind stores, so its hash, and nothing a
 * reader sees or searches.
 */

/** The Pagefind meta field that carries a page's salt. */
export const SALT_META = 'kho_salt';

/** The opening tag of the element Pagefind reads a plan page from. */
const BODY_TAG = /<[a-zA-Z][^>]*\sdata-pagefind-body(?:[\s=][^>]*)?>/;

/**
 * `html` with salt number `salt` (1, 2, …) as a meta field inside its
 * Pagefind body. The value is dashes, one per salt number, because Pagefind
 * also indexes meta values as words: dashes make no word, so the salt cannot
 * match a query, while each salt number still gives the page another hash.
 */
export function saltPage(html: string, salt: number): string {
  if (!Number.isInteger(salt) || salt < 1) throw new RangeError(`saltPage: salt must be a positive integer, not ${salt}`);
  const tag = BODY_TAG.exec(html);
  if (!tag) throw new Error('saltPage: the page has no element with data-pagefind-body');
  const at = tag.index + tag[0].length;
  return `${html.slice(0, at)}<span data-pagefind-meta="${SALT_META}:${'-'.repeat(salt)}"></span>${html.slice(at)}`;
}

/** The ids in `ids` that `taken` already holds, in their order. */
export function repeatedIds(taken: ReadonlySet<string>, ids: Iterable<string>): string[] {
  return [...ids].filter((id) => taken.has(id));
}
