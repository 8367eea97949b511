import { describeGuardSuite } from './guard-suite.ts';
import { FACEBOOK_SITE } from './sites.ts';

describeGuardSuite(FACEBOOK_SITE);
