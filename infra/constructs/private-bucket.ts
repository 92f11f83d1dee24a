import { RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, BucketEncryption, type BucketProps } from 'aws-cdk-lib/aws-s3';

/**
 * What every bucket of the app is: private, SSE-S3 (CloudFront's origin access control and server
 * access logging take no KMS key), TLS 1.2 or later only, unversioned (a deleted object is gone,
 * not hidden behind a delete marker), and kept when the stack goes.
 */
export const PRIVATE_BUCKET = {
  blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
  encryption: BucketEncryption.S3_MANAGED,
  enforceSSL: true,
  minimumTLSVersion: 1.2,
  versioned: false,
  removalPolicy: RemovalPolicy.RETAIN,
} as const satisfies BucketProps;
