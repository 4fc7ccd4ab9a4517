import { processIo } from './io.js';
import { runMain } from './main.js';

process.exitCode = await runMain(process.argv.slice(2), processIo());
