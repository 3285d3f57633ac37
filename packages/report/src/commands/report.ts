import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';

interface ReportArgs {
  dirs: string[];
  out: string;
  base?: string | undefined;
}

/** `runner report <DIR…> [--out DIR] [--base /sub/]` — build the static report site (Astro). */
export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report <dirs..>',
  describe: 'build the static report site from one or more results directories',
  builder: (y: Argv) =>
    y
      .positional('dirs', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'results directories (*.jsonl run records), e.g. results/quick',
      })
      .option('out', { type: 'string', default: 'site', describe: 'output directory of the site' })
      .option('base', {
        type: 'string',
        describe:
          'sub-path the site is served under, e.g. /ansatz/ [default: $ANSATZ_SITE_BASE or /]',
      }) as unknown as Argv<ReportArgs>,
  handler: async (args: ArgumentsCamelCase<ReportArgs>) => {
    // Bad directories throw SiteInputError (every problem at once): the CLI prints them, exit 2.
    const { buildSite } = await import('../build-site.js');
    const { outDir, base } = await buildSite({
      dirs: args.dirs,
      outDir: args.out,
      base: args.base ?? process.env.ANSATZ_SITE_BASE,
    });
    process.stdout.write(
      `site written to ${outDir} (base ${base})\n` +
        `preview: runner preview ${args.out}${base === '/' ? '' : ` --base ${base}`}\n`,
    );
  },
};
