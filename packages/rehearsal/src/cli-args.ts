/** The value of `--name value` or `--name=value`, if given. */
export function option(argv: readonly string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const arg = argv[i] as string;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[i + 1];
}

/**
 * The first flag that is not one of a command's: the error to print above its usage, or null. A mistyped flag
 * (`--tenant 5`) is refused rather than ignored, which would run the default (the whole country, hours).
 */
export function unknownFlag(
  argv: readonly string[],
  known: { valued: readonly string[]; switches: readonly string[] },
): string | null {
  for (const arg of argv) {
    if (!arg.startsWith('--')) continue;
    const name = arg.slice(2).split('=')[0] as string;
    if (known.switches.includes(name) && !arg.includes('=')) continue;
    if (known.valued.includes(name)) continue;
    return `unknown argument ${JSON.stringify(arg)}`;
  }
  return null;
}
