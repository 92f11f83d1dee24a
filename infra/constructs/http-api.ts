import { Duration } from 'aws-cdk-lib';
import { HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Construct } from 'constructs';
import type { RouteDefinition } from '../../functions/routes';
import { EboxFunction } from './ebox-function';
import { grantTouches, type Resources } from './grants';

export interface EboxHttpApiProps {
  routes: readonly RouteDefinition[];
  environment: Readonly<Record<string, string>>;
  /** What the routes' declared touches refer to. */
  resources: Resources;
}

/** API Gateway gives up on an integration after 30 s; the function should give up first. */
const API_TIMEOUT = Duration.seconds(29);

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

    for (const route of props.routes) {
      const fn = new EboxFunction(this, routeId(route), {
        handler: route.handler,
        environment: props.environment,
        description: `${route.method} ${route.path}`,
        timeout: API_TIMEOUT,
      });
      // Least privilege from the route's own declaration (functions/<family>/<route>/route.ts).
      grantTouches(fn, route.touches, props.resources);
      this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${routeId(route)}Integration`, fn),
      });
    }
  }
}

/** `GET /v1/enterprises/{enterpriseNumber}` → `GetV1EnterprisesEnterpriseNumber`: stable across deployments. */
export function routeId(route: Pick<RouteDefinition, 'method' | 'path'>): string {
  return [route.method.toLowerCase(), ...route.path.split(/[^A-Za-z0-9]+/)]
    .filter((word) => word.length > 0)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
