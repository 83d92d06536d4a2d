import { describe, expect, it } from 'vitest';
import { linkAbbreviations } from '../../src/utils/abbreviation-links.ts';

const link = (html: string) => linkAbbreviations(html, '/kho/');

describe('abbreviations in a plan body', () => {
  it('links the first use of each to its glossary entry, with what it stands for', () => {
    const out = link('<p>Công tác CCHC và TTHC năm 2020; CCHC là nhiệm vụ trọng tâm.</p>');
    expect(out).toBe(
      '<p>Công tác <a href="/kho/thuat-ngu/#viet-tat-cchc"><abbr title="cải cách hành chính">CCHC</abbr></a> và ' +
        '<a href="/kho/thuat-ngu/#viet-tat-tthc"><abbr title="thủ tục hành chính">TTHC</abbr></a> năm 2020; CCHC là nhiệm vụ trọng tâm.</p>',
    );
  });

  it('sends an index to its own entry, and takes the longer of two forms', () => {
    const out = link('<p>Nâng PAR Index; đào tạo CBCCVC.</p>');
    expect(out).toContain('<a href="/kho/thuat-ngu/#chi-so-par-index"><abbr title="Chỉ số cải cách hành chính">PAR Index</abbr></a>');
    expect(out).toContain('<abbr title="cán bộ, công chức, viên chức">CBCCVC</abbr>');
    expect(out).not.toContain('>CBCC<');
  });

  it('leaves headings, links and code alone, and words that merely contain a form', () => {
    const html = '<h3>Mục tiêu CCHC</h3><p><a href="x">CCHC</a> <code>TTHC</code> CCHCX</p><p>rồi CCHC</p>';
    const out = link(html);
    expect(out.startsWith('<h3>Mục tiêu CCHC</h3><p><a href="x">CCHC</a> <code>TTHC</code> CCHCX</p><p>rồi <a href=')).toBe(true);
    expect(out.match(/<abbr/g)).toHaveLength(1);
  });

  it('matches forms the HTML escapes', () => {
    expect(link('<p>Sở KH&amp;CN</p>')).toContain('<abbr title="khoa học và công nghệ">KH&amp;CN</abbr>');
  });
});
