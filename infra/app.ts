import { App } from 'aws-cdk-lib';
import { addNagPacks } from './nag';
import { addStacks } from './stacks';

const app = new App();
addStacks(app);
addNagPacks(app);
