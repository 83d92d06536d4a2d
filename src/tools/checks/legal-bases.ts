/**
 * Legal bases are cited by document number (docs/interfaces.md §1), because the
 * citation graph (/van-ban/<key>/) joins plans on it. A title or a sentence
 * in its place ("Luật Tổ chức chính quyền địa phương") joins nothing.
 */
import { looksLikeDocNumber } from '../../lib/docnumber.ts';
import { FIELD_META } from '../../schemas/fields.ts';
import type { Finding } from '../../lib/entries.ts';
import { finding, type Check } from './types.ts';

export const legalBasesCheck: Check = {
  id: 'legal-bases',
  title: 'Số ký hiệu của căn cứ',
  help:
    'Một căn cứ (`legalBases`) không giống số ký hiệu văn bản Việt Nam. Hãy ghi đúng số ký hiệu như bản in, ví dụ `30c/NQ-CP`, `61/2018/NĐ-CP`, `18-NQ/TW`; tên văn bản để ở phần nội dung.',
  severity: 'error',
  run({ entries }) {
    const out: Finding[] = [];
    for (const { entry, plan } of entries) {
      plan?.legalBases?.forEach((basis, i) => {
        const number = typeof basis === 'string' ? basis : basis.number;
        if (looksLikeDocNumber(number)) return;
        const path = typeof basis === 'string' ? ['legalBases', i] : ['legalBases', i, 'number'];
        const field = typeof basis === 'string' ? `legalBases[${i}]` : `legalBases[${i}].number`;
        out.push(
          finding(
            entry,
            entry.lineOf(path),
            'error',
            'legal-bases',
            `${field}: "${number}" không giống số ký hiệu văn bản (số/loại-cơ quan). Hãy ghi số ký hiệu như bản in, còn tên văn bản để ở phần nội dung. Ví dụ đúng: number: ${FIELD_META['legalBases.number'].example}`,
          ),
        );
      });
    }
    return out;
  },
};
