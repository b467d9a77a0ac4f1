/** Electron's entry point (bundled to out/electron/main.js). */
import { bootstrap } from './main';

bootstrap();
