import { runService } from '@laurel/platform';
import { reviewsService } from './reviews.service-definition';

void runService(reviewsService());
