import { runService } from '@laurel/platform';
import { objectionsService } from './objections.service-definition';

void runService(objectionsService());
