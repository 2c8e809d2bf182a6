import { runService } from '@laurel/platform';
import { fundsService } from './funds.service-definition';

void runService(fundsService());
