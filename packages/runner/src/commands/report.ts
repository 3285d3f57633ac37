import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { UserError } from '../errors.js';

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
    const { buildSite, SiteInputError } = await import('@ansatz/report');
    try {
      const { outDir, base } = await buildSite({
        dirs: args.dirs,
        outDir: args.out,
        base: args.base ?? process.env.ANSATZ_SITE_BASE,
      });
      process.stdout.write(
        `site written to ${outDir} (base ${base})\n` +
          `preview: node packages/report/dist/cli.js preview ${args.out} --base ${base}\n`,
      );
    } catch (err) {
      if (err instanceof SiteInputError) throw new UserError(err.problems);
      throw err;
    }
  },
};
