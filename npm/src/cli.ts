#!/usr/bin/env node
// `npx authlens analyze | scan | redact`: see run.ts.
import { run } from "./run.js";

process.exitCode = run(process.argv.slice(2));
