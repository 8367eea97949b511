import { describeGuardSuite } from './guard-suite.ts';
import { X_SITE } from './sites.ts';

describeGuardSuite(X_SITE);
