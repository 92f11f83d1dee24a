// Imported first by bench/main.ts: Powertools reads the level when the logger is built.
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
