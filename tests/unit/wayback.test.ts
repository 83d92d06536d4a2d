import { describe, expect, it } from 'vitest';
import { waybackUrl } from '../../src/lib/wayback.ts';

describe('waybackUrl', () => {
  const url = 'https://skhcn.tiengiang.gov.vn/bai-viet?id=1';

  it('takes the retrieval date first, then the publication date, else every copy', () => {
    expect(waybackUrl({ url, retrievedOn: '2024-11-22', publishedOn: '2020-01-22' })).toBe(`https://web.archive.org/web/20241122/${url}`);
    expect(waybackUrl({ url, publishedOn: '2020-01-22' })).toBe(`https://web.archive.org/web/20200122/${url}`);
    expect(waybackUrl({ url })).toBe(`https://web.archive.org/web/*/${url}`);
  });

  it('gives nothing without an address', () => {
    expect(waybackUrl({ publishedOn: '2020-01-22' })).toBeUndefined();
  });
});
