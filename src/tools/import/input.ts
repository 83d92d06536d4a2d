/**
 * Reading what the editor hands `npm run import`: a text file, a saved web
 * page or standard input. Anything that is not text we can read (no file,
 * an empty one, binary data, another encoding) stops here with a Vietnamese
 * sentence saying what and how to fix it.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { mojibakeWords } from '../checks/mojibake.ts';
import { CliError } from '../cli.ts';
import { htmlToText } from './html.ts';

export interface SourceText {
  /** The text, NFC, with "\n" line ends. */
  text: string;
  /** The page's own title and byline, for a saved web page. */
  pageTitle?: string;
  byline?: string;
  publishedTime?: string;
  /** How the editor named it: the path, or "stdin". */
  name: string;
  html: boolean;
}

const MAX_BYTES = 20 * 1024 * 1024;

/** The bytes of FILE, or of standard input for "-". */
export function readBytes(file: string, stdin: () => Buffer = () => readFileSync(0)): Buffer {
  if (file === '-') return stdin();
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new CliError(`"${file}" là một thư mục, không phải tệp. Hãy ghi đường dẫn tới tệp văn bản, ví dụ: npm run import -- tmp/sources/ke-hoach.txt`);
    size = stat.size;
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`không có tệp "${file}". Hãy kiểm tra đường dẫn (tính từ thư mục gốc của kho), ví dụ: npm run import -- tmp/sources/ke-hoach.txt`);
  }
  if (size > MAX_BYTES) throw new CliError(`tệp "${file}" quá lớn (${Math.round(size / 1048576)} MB). Hãy lưu riêng văn bản của kế hoạch (tệp .txt hoặc trang .html).`);
  return readFileSync(file);
}

/** Control characters that text files never hold (tab, line feed, carriage return and form feed aside). */
const CONTROL = /[\u0000-\u0008\u000e-\u001f]/g;

function decode(bytes: Buffer, name: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const sample = bytes.subarray(0, 65536);
  const nul = sample.indexOf(0);
  if (nul !== -1) throw new CliError(`tệp "${name}" không phải văn bản (có dữ liệu nhị phân, ví dụ tệp PDF, Word hay ảnh). Hãy chép chữ của văn bản vào một tệp .txt, hoặc lưu trang web thành .html, rồi chạy lại.`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // A TCVN3 or VNI file saved in its own 8-bit code page is not UTF-8.
    const latin = new TextDecoder('windows-1252').decode(bytes);
    if (legacyShare(latin) > 0) throw legacyError(name);
    throw new CliError(`tệp "${name}" không ở mã UTF-8. Hãy mở tệp bằng trình soạn thảo và lưu lại với mã UTF-8 (Unicode), rồi chạy lại.`);
  }
}

/** Share of lines with legacy-encoding words: TCVN3 or VNI text read as Unicode. */
export function legacyShare(text: string): number {
  const lines = text.split('\n').filter((l) => l.trim());
  if (lines.length === 0) return 0;
  return lines.filter((l) => mojibakeWords(l.normalize('NFC')).length > 0).length / lines.length;
}

function legacyError(name: string): CliError {
  return new CliError(
    `tệp "${name}" được gõ bằng bảng mã cũ TCVN3 (.VnTime) hoặc VNI, nên chữ bị vỡ (kiểu "ViÖt Nam", "Vieät Nam"). Lệnh không chuyển mã tự động vì dễ sai dấu. Hãy chuyển sang Unicode bằng Unikey (Công cụ chuyển mã, nguồn TCVN3 hoặc VNI Windows, đích Unicode), hoặc chép lại từ bản Unicode của nguồn, rồi chạy lại.`,
  );
}

const looksLikeHtml = (name: string, text: string) => /\.x?html?$/i.test(extname(name)) || /^\s*(?:<!doctype html|<html[\s>])/i.test(text);

/** The source text, decoded and checked; a saved page becomes its main text. */
export function readSource(bytes: Buffer, name: string): SourceText {
  if (bytes.length === 0 || bytes.toString('utf8').trim() === '') {
    throw new CliError(`tệp "${name}" trống. Hãy chép văn bản của kế hoạch (hoặc bài viết về kế hoạch) vào tệp rồi chạy lại.`);
  }
  let text = decode(bytes, name).replace(/^\uFEFF/, '');
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > 0 && controls / text.length > 0.01) {
    throw new CliError(`tệp "${name}" không phải văn bản (có nhiều ký tự điều khiển, như tệp nhị phân). Hãy chép chữ của văn bản vào một tệp .txt rồi chạy lại.`);
  }
  text = text.replace(CONTROL, '').replace(/\r\n?/g, '\n').normalize('NFC');
  const html = looksLikeHtml(name, text);
  const source: SourceText = html ? { ...htmlToText(text), name, html } : { text, name, html };
  if (legacyShare(source.text) > 0.2) throw legacyError(name);
  return source;
}
