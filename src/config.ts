/**
 * Project-wide settings that more than one place reads. Deployment-specific
 * values come from the environment so the same source builds anywhere.
 */

/** Where corrections are made: each plan page links its entry's file here. */
export const REPOSITORY_URL = process.env.REPOSITORY_URL ?? 'https://github.com/kho-cchc/kho-ke-hoach-cchc';
export const REPOSITORY_BRANCH = 'main';

export const SITE_NAME = 'Kho kế hoạch CCHC';
export const SITE_DESCRIPTION =
  'Kho lưu trữ mở các kế hoạch cải cách hành chính của tỉnh, sở, ngành, huyện và xã ở Việt Nam, tra cứu toàn văn không cần máy chủ.';

/** Plans per list page. */
export const PAGE_SIZE = 50;

/**
 * The licence of the open data (/du-lieu/): the metadata and the editors'
 * summaries. The code's licence is in package.json.
 */
export const DATA_LICENCE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.vi' };
