/**
 * The renderer's Content Security Policy, sent as a response header by both transports (the
 * app:// protocol handler in Electron and the loopback web server). Scripts only from the app
 * itself; styles also inline because Mantine injects its CSS variables at run time; images may
 * be data:/blob: for previews; nothing may frame the app, post forms, or load plugins.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
