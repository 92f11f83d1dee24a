import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import { CfnStage, HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteDefinition } from '../../functions/routes';
import { acknowledge } from '../nag';
import { EboxFunction } from './ebox-function';
import { grantTouches, type Resources } from './grants';

export interface EboxHttpApiProps {
  routes: readonly RouteDefinition[];
  environment: Readonly<Record<string, string>>;
  /** What the routes' declared touches refer to. */
  resources: Resources;
  /** The whole API's limits, all callers together (settings `apiRateLimit`, `apiBurstLimit`). */
  throttle: { rateLimit: number; burstLimit: number };
}

/** API Gateway gives up on an integration after 30 s; the function should give up first. */
const API_TIMEOUT = Duration.seconds(29);

/**
 * One JSON line per request, without personal data: paths carry enterprise numbers and SSINs, so
 * the route's template (`GET /v1/enterprises/{enterpriseNumber}`) stands for the path, and neither
 * the query string, the caller's IP address nor its user agent is logged.
 */
const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  integrationLatency: '$context.integrationLatency',
  responseLatency: '$context.responseLatency',
  integrationErrorMessage: '$context.integrationErrorMessage',
  // API Gateway's own refusals: throttling, no such route.
  errorMessage: '$context.error.message',
});

/**
 * The HTTP API: one function and one route per entry of ROUTES. No API Gateway authorizer: the
 * functions verify the bearer tokens themselves (shared/http/access-tokens.ts), so that a missing
 * or bad token gets the same problem+json as every other refusal, in AWS as locally.
 */
export class EboxHttpApi extends Construct {
  readonly api: HttpApi;

  constructor(scope: Construct, id: string, props: EboxHttpApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', { apiName: 'ebox-enterprise' });
    this.configureDefaultStage(props.throttle);

    for (const route of props.routes) {
      const fn = new EboxFunction(this, routeId(route), {
        handler: route.handler,
        environment: props.environment,
        description: `${route.method} ${route.path}`,
        timeout: API_TIMEOUT,
      });
      // Least privilege from the route's own declaration (functions/<family>/<route>/route.ts).
      grantTouches(fn, route.touches, props.resources);
      acknowledge(fn, "API Gateway invokes it synchronously: a failure is the caller's 5xx, with no event to keep", 'Serverless-LambdaDLQ');
      const routes = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${routeId(route)}Integration`, fn),
      });
      for (const apiRoute of routes)
        acknowledge(apiRoute, 'the function verifies the bearer token itself (docs/adr/0005); health and the contract are public', 'AwsSolutions-APIG4');
    }
  }

  /**
   * The default stage that HttpApi makes takes neither throttling nor access logs from its props:
   * set them on its CloudFormation resource, which keeps the stage deployed today in place.
   */
  private configureDefaultStage(throttle: EboxHttpApiProps['throttle']): void {
    const stage = this.api.defaultStage?.node.defaultChild;
    if (!(stage instanceof CfnStage)) throw new Error('The HTTP API has no default stage to configure');
    const logGroup = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_MONTH });
    stage.defaultRouteSettings = { throttlingRateLimit: throttle.rateLimit, throttlingBurstLimit: throttle.burstLimit };
    stage.accessLogSettings = {
      // The log group's ARN without the `:*` of its Arn attribute, as API Gateway stores it (no drift).
      destinationArn: Stack.of(this).formatArn({
        service: 'logs',
        resource: 'log-group',
        resourceName: logGroup.logGroupName,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      }),
      format: ACCESS_LOG_FORMAT,
    };
  }
}

/** `GET /v1/enterprises/{enterpriseNumber}` → `GetV1EnterprisesEnterpriseNumber`: stable across deployments. */
export function routeId(route: Pick<RouteDefinition, 'method' | 'path'>): string {
  return [route.method.toLowerCase(), ...route.path.split(/[^A-Za-z0-9]+/)]
    .filter((word) => word.length > 0)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
