import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';

interface PreviewArgs {
  dir: string;
  base?: string | undefined;
  port: number;
}

/** `runner preview [DIR] [--base /sub/] [--port N]` — serve a built site on localhost. */
export const previewCommand: CommandModule<object, PreviewArgs> = {
  command: 'preview [dir]',
  describe: 'serve a built site on http://127.0.0.1 (Ctrl-C to stop)',
  builder: (y: Argv) =>
    y
      .positional('dir', { type: 'string', default: 'site', describe: 'the built site' })
      .option('base', {
        type: 'string',
        describe: 'sub-path the site was built for [default: $ANSATZ_SITE_BASE or /]',
      })
      .option('port', {
        type: 'number',
        default: 4321,
        describe: 'port to listen on (0: any free port)',
      }) as unknown as Argv<PreviewArgs>,
  handler: async (args: ArgumentsCamelCase<PreviewArgs>) => {
    const { SiteInputError, normalizeBase } = await import('../build-site.js');
    const { existsSync, statSync } = await import('node:fs');
    const problems: string[] = [];
    if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
      problems.push(`--port ${args.port}: expected an integer from 0 to 65535`);
    }
    if (!existsSync(args.dir) || !statSync(args.dir).isDirectory()) {
      problems.push(`${args.dir}: no built site there (run runner report first)`);
    }
    if (problems.length > 0) throw new SiteInputError(problems);
    const { serveSite } = await import('../serve.js');
    const { url } = await serveSite({
      dir: args.dir,
      base: normalizeBase(args.base ?? process.env.ANSATZ_SITE_BASE ?? '/'),
      port: args.port,
    });
    process.stdout.write(`serving ${args.dir} at ${url} (Ctrl-C to stop)\n`);
    await new Promise<never>(() => {});
  },
};
