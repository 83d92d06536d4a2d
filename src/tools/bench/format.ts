/** Numbers as the bench's report writes them: Vietnamese digit grouping and decimal comma. */

export const vi = (n: number, digits = 0) => n.toLocaleString('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const seconds = (ms: number) => `${vi(ms / 1000, 1)} s`;
export const size = (bytes: number) =>
  bytes >= 1024 ** 3 ? `${vi(bytes / 1024 ** 3, 2)} GB` : bytes >= 1024 ** 2 ? `${vi(bytes / 1024 ** 2, 1)} MB` : `${vi(bytes / 1024, 1)} KB`;
export const ratio = (a?: number, b?: number) => (a && b ? `${vi(a / b, 2)} ×` : '–');
