import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT, VALIDATION_REPORT_FILE } from 'aws-cdk-lib/cx-api';
import { addNagPacks } from '../../infra/nag';
import { addStacks } from '../../infra/stacks';

/*
 * The app as infra/app.ts makes it (its stacks, then the cdk-nag packs), with cdk.json's context and
 * without bundling: the packs read resources, not code. CDK writes what each pack found to the
 * assembly's validation report; acknowledged findings never reach it.
 */
const repoRoot = path.resolve(__dirname, '..', '..');
const cdkJson = JSON.parse(readFileSync(path.join(repoRoot, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
const PROD = {
  stage: 'prod',
  account: '123456789012',
  region: 'eu-central-1',
  jwtIssuer: 'https://login.example.org/realms/ebox',
  jwtAudience: 'ebox-api',
  mailFrom: 'no-reply@ebox.example.org',
  alarmEmail: 'ops@example.org',
  oauthTokenUrl: 'https://login.example.org/realms/ebox/protocol/openid-connect/token',
  oauthAuthorizationUrl: 'https://login.example.org/realms/ebox/protocol/openid-connect/auth',
  apiContactEmail: 'api@example.org',
};

/** What the test reads of the report (@aws-cdk/cloud-assembly-schema's PolicyValidationReportJson). */
interface ValidationReport {
  pluginReports: Array<{ pluginName: string; violations: Array<{ ruleName: string; violatingConstructs: Array<{ constructPath: string }> }> }>;
}

/** Every finding of a validation plugin that is not acknowledged, as `<rule> at <construct path>`, by plugin. */
function nagFindings(context: Record<string, unknown>): Record<string, string[]> {
  const app = new App({
    // The report rather than an exception, so that a failure lists warnings and errors alike (cdk synth fails on errors).
    context: { ...cdkJson.context, ...context, 'aws:cdk:bundling-stacks': [], [FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT]: false },
  });
  addStacks(app);
  addNagPacks(app);
  const assembly = app.synth();
  const report = JSON.parse(readFileSync(path.join(assembly.directory, VALIDATION_REPORT_FILE), 'utf8')) as ValidationReport;
  // A pack that found nothing, or only acknowledged findings, is left out of the report.
  const findings: Record<string, string[]> = { AwsSolutions: [], Serverless: [] };
  for (const plugin of report.pluginReports) {
    findings[plugin.pluginName] = plugin.violations.flatMap((violation) =>
      violation.violatingConstructs.map((construct) => `${violation.ruleName} at ${construct.constructPath}`),
    );
  }
  return findings;
}

describe.each([
  ['dev (one stack, no WAF)', {}],
  ['prod (with the WAF stack)', PROD],
])('cdk-nag, %s', (_stage, context) => {
  it('runs the AWS Solutions and Serverless packs and leaves no finding unacknowledged', () => {
    expect(nagFindings(context)).toEqual({ AwsSolutions: [], Serverless: [] });
  });
});
