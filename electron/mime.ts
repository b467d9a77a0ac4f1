import { extname } from 'node:path';

/** Content types of the files the renderer build contains; served by both transports. */
const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export const contentTypeOf = (file: string): string => MIME[extname(file)] ?? 'application/octet-stream';
