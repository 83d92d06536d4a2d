import { fold } from './fold.ts';

/** ASCII kebab-case: a-z, 0-9 and single hyphens, with đ→d. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Turns any Vietnamese text into an ASCII kebab-case slug. */
export function slugify(text: string): string {
  return fold(text)
    .replace(/&/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function isSlug(text: string): boolean {
  return SLUG_PATTERN.test(text);
}
