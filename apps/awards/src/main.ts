import { runService } from '@laurel/platform';
import { awardsServiceDefinition } from './awards.service-definition';

void runService(awardsServiceDefinition);
