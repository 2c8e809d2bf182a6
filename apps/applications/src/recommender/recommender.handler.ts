import { type ParsedRequestOf, recommenderCreate, recommenderList, recommenderMembers } from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { RecommenderService } from './recommender.service';

@Controller()
export class RecommenderHandler {
  constructor(private readonly recommenders: RecommenderService) {}

  @Handles(recommenderCreate)
  create(request: ParsedRequestOf<typeof recommenderCreate>) {
    return this.recommenders.create(request);
  }

  @Handles(recommenderList)
  list() {
    return this.recommenders.list();
  }

  @Handles(recommenderMembers)
  members(request: ParsedRequestOf<typeof recommenderMembers>) {
    return this.recommenders.members(request.recommenderId);
  }
}
