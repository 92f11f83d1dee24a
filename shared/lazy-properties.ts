/**
 * An object whose every property is made on first read, then kept. The container and the AWS
 * clients use it so that a Lambda function loads (and builds) only the adapters and SDK clients its
 * invocations reach: requiring the DynamoDB client alone takes ~65 ms of a cold start.
 */
export function lazyProperties<T extends object>(makers: { [K in keyof T]: () => T[K] }): T {
  const target = {} as T;
  for (const key of Object.keys(makers) as Array<keyof T>) {
    let made: { value: T[typeof key] } | undefined;
    Object.defineProperty(target, key, {
      enumerable: true,
      get: () => {
        made ??= { value: makers[key]() };
        return made.value;
      },
    });
  }
  return target;
}
